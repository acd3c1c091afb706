package ledger.kernel.shared;

import java.util.regex.Pattern;

/** Shape checks for the compact constructors of messages. */
public final class Require {

    private static final Pattern ID_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private Require() {
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new InvalidMessageException(field, "is required");
        }
        return value;
    }

    public static String text(String value, String field, int maxLength) {
        present(value, field);
        if (value.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.getType(c) == Character.FORMAT
                || Character.isSpaceChar(c))) {
            throw new InvalidMessageException(field, "must not be blank");
        }
        if (value.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new InvalidMessageException(field, "must not contain control characters");
        }
        if (value.length() > maxLength) {
            throw new InvalidMessageException(field, "must be at most " + maxLength + " characters");
        }
        return value.strip();
    }

    public static String id(String value, String field) {
        present(value, field);
        if (!ID_PATTERN.matcher(value).matches()) {
            throw new InvalidMessageException(field,
                    "must be 1-64 letters, digits or . _ : - and start with a letter or digit");
        }
        return value;
    }

    public static int between(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw new InvalidMessageException(field, "must be between " + min + " and " + max);
        }
        return value;
    }

    public static long notNegative(long value, String field) {
        if (value < 0) {
            throw new InvalidMessageException(field, "must not be negative");
        }
        return value;
    }
}
