package ledger.web;

import java.util.function.Function;

import ledger.kernel.shared.InvalidMessageException;

/** Turns raw request values into typed ids, reporting a bad one under the request's own field name. */
public final class RequestFields {

    private RequestFields() {
    }

    public static <T> T id(String field, String raw, Function<String, T> constructor) {
        try {
            return constructor.apply(raw);
        } catch (InvalidMessageException e) {
            throw e.as(field);
        }
    }
}
