package ledger.command.infrastructure;

import ledger.kernel.shared.InvalidMessageException;

/** Reads the aggregate version a client saw from an {@code If-Match} header ("3", 3 or W/"3"). */
public final class IfMatch {

    private IfMatch() {
    }

    public static Long version(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            long version = Long.parseLong(value);
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw new InvalidMessageException("If-Match", "must be a version number as returned in ETag");
        }
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
