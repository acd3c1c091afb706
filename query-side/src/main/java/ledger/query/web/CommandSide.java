package ledger.query.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ledger.query.web.signin.SignedInPerson;
import ledger.security.WebTokenFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The command side's HTTP API, as the web application uses it: sign-in with a password, and every write
 * forwarded as the signed-in person with the token the command side issued them. The answer is either the
 * accepted command (its id, new version and position, to read one's own write) or the refusal's stable code
 * and field errors, for the page to show in Chinese beside the form.
 */
@Component
public class CommandSide {

    private final RestClient http;

    CommandSide(@Value("${ledger.web.command-url}") URI commandUrl) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(5_000);
        requests.setReadTimeout(30_000);
        this.http = RestClient.builder().baseUrl(commandUrl.toString()).requestFactory(requests)
                // a refusal is an answer to show, not an exception
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }

    /** What the command side answered to a sign-in: the session's token and who signed in, or nothing. */
    @SuppressWarnings("unchecked")
    public SignInAnswer signIn(String username, String password) {
        try {
            return http.post().uri("/api/sessions").headers(h -> h.setBasicAuth(username, password))
                    .contentType(MediaType.APPLICATION_JSON).body("{}")
                    .exchange((request, response) -> {
                        if (response.getStatusCode().value() == 201) {
                            return new SignInAnswer(SignInOutcome.SIGNED_IN, response.bodyTo(Map.class));
                        }
                        int status = response.getStatusCode().value();
                        return new SignInAnswer(status == 401 || status == 403 ? SignInOutcome.REFUSED
                                : SignInOutcome.UNAVAILABLE, Map.of());
                    });
        } catch (ResourceAccessException e) {
            return new SignInAnswer(SignInOutcome.UNAVAILABLE, Map.of());
        }
    }

    public enum SignInOutcome { SIGNED_IN, REFUSED, UNAVAILABLE }

    public record SignInAnswer(SignInOutcome outcome, Map<String, Object> body) {
    }

    /** Forwards one command as {@code person}; {@code expectedVersion} (If-Match) when the page showed one. */
    @SuppressWarnings("unchecked")
    public Outcome send(SignedInPerson person, String path, Object body, Long expectedVersion) {
        return send(person, path, body, expectedVersion, null);
    }

    /**
     * As {@link #send(SignedInPerson, String, Object, Long)}, with an {@code Idempotency-Key}: the command side
     * runs a command under one key (per person) once, and answers a repeat with the first answer.
     */
    @SuppressWarnings("unchecked")
    public Outcome send(SignedInPerson person, String path, Object body, Long expectedVersion, String idempotencyKey) {
        try {
            return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON,
                            MediaType.APPLICATION_PROBLEM_JSON)
                    .header(HttpHeaders.AUTHORIZATION, WebTokenFilter.SCHEME + person.commandToken())
                    .headers(h -> {
                        if (expectedVersion != null) {
                            h.setIfMatch("\"" + expectedVersion + "\"");
                        }
                        if (idempotencyKey != null) {
                            h.set("Idempotency-Key", idempotencyKey);
                        }
                    })
                    .body(body)
                    .exchange((request, response) -> {
                        return Outcome.of(response.getStatusCode().value(), readMap(response.bodyTo(Map.class)));
                    });
        } catch (ResourceAccessException e) {
            return Outcome.unavailable();
        }
    }

    private static Map<String, Object> readMap(Map<String, Object> body) {
        return body == null ? Map.of() : body;
    }

    /** The command side's answer to one forwarded command. */
    public record Outcome(int status, String id, Long version, Long position, String code, String detail,
                          List<FieldError> errors, Map<String, Object> body) {

        public record FieldError(String field, String message) {
        }

        public boolean accepted() {
            return status >= 200 && status < 300;
        }

        /** The person's sign-in is no longer good on the command side (expired, password changed, disabled). */
        public boolean signInLapsed() {
            return status == 401;
        }

        public boolean stale() {
            return status == 412 || "STALE_VERSION".equals(code);
        }

        static Outcome unavailable() {
            return new Outcome(503, null, null, null, "COMMAND_SIDE_UNAVAILABLE", null, List.of(), Map.of());
        }

        @SuppressWarnings("unchecked")
        static Outcome of(int status, Map<String, Object> body) {
            List<FieldError> errors = new ArrayList<>();
            if (body.get("errors") instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof Map<?, ?> error) {
                        errors.add(new FieldError(String.valueOf(error.get("field")), String.valueOf(error.get("message"))));
                    }
                }
            }
            return new Outcome(status, body.get("id") instanceof String id ? id : null, number(body.get("version")),
                    number(body.get("position")), body.get("code") instanceof String code ? code : null,
                    body.get("detail") instanceof String detail ? detail : null, List.copyOf(errors), body);
        }

        private static Long number(Object value) {
            return value instanceof Number n ? n.longValue() : null;
        }
    }
}
