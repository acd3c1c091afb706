package ledger.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;

import ledger.kernel.shared.InvalidMessageException;

/** Turns raw request values into typed ids, reporting a bad one under the request's own field name. */
public final class RequestFields {

    private RequestFields() {
    }

    /** A list of ids, each reported under {@code field} if malformed; null is the empty list. */
    public static <T> List<T> ids(String field, List<String> raw, Function<String, T> constructor) {
        return raw == null ? List.of() : raw.stream().map(value -> id(field, value, constructor)).toList();
    }

    /** A month path segment such as {@code 2026-03}, reported under "month" if malformed. */
    public static YearMonth month(String raw) {
        try {
            return YearMonth.parse(raw);
        } catch (DateTimeParseException e) {
            throw new InvalidMessageException("month", "must be a month like 2026-03");
        }
    }

    public static <T> T id(String field, String raw, Function<String, T> constructor) {
        try {
            return constructor.apply(raw);
        } catch (InvalidMessageException e) {
            throw e.as(field);
        }
    }
}
