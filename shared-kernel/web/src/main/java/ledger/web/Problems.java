package ledger.web;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

/** Builds RFC 9457 problem documents that always carry our stable error code. */
public final class Problems {

    /** Writes problems as Spring does: their properties beside the standard fields. */
    static final ObjectMapper JSON = new ObjectMapper().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);

    private Problems() {
    }

    public static HttpStatus statusOf(ErrorCode code) {
        return switch (code.kind()) {
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case RULE_VIOLATION, CONFLICT -> HttpStatus.CONFLICT;
            case STALE -> HttpStatus.PRECONDITION_FAILED;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case PAYLOAD_TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
        };
    }

    public static ProblemDetail of(ErrorCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(statusOf(code), detail);
        problem.setType(URI.create("urn:ledger:problem:" + code.name().toLowerCase().replace('_', '-')));
        problem.setTitle(code.title());
        problem.setProperty("code", code.name());
        return problem;
    }

    /** The problem as a response; a temporary refusal tells the client when to retry. */
    public static ResponseEntity<ProblemDetail> response(ErrorCode code, String detail) {
        return response(code, detail, Map.of(), null);
    }

    /** The refusal as a response, with its extra properties and its own wait before a retry. */
    public static ResponseEntity<ProblemDetail> response(LedgerException refusal) {
        return response(refusal.code(), refusal.getMessage(), refusal.properties(), refusal.retryAfter().orElse(null));
    }

    private static ResponseEntity<ProblemDetail> response(ErrorCode code, String detail, Map<String, Object> properties,
                                                          Duration retryAfter) {
        ProblemDetail problem = of(code, detail);
        properties.forEach(problem::setProperty);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus());
        if (code.kind() == ErrorCode.Kind.UNAVAILABLE) {
            long seconds = retryAfter == null ? 1 : Math.max(1, (retryAfter.toMillis() + 999) / 1000);
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        }
        return response.body(problem);
    }

    /** An unexpected failure: said as such, without its message (which is logged, not shown). */
    public static ResponseEntity<ProblemDetail> internalError() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An internal error occurred; it has been logged.");
        problem.setTitle("Internal error");
        problem.setProperty("code", "INTERNAL_ERROR");
        return ResponseEntity.internalServerError().body(problem);
    }

    /**
     * The problem for a bare HTTP status the servlet container set (a failure outside any
     * controller, or a request it refused before any servlet saw it), naming nothing it was sent
     * beyond {@code what}.
     */
    public static ProblemDetail forStatus(int status, String what) {
        HttpStatus code = HttpStatus.resolve(status);
        if (code == null || code.is5xxServerError()) {
            return internalError().getBody();
        }
        if (code == HttpStatus.NOT_FOUND) {
            return of(ErrorCode.UNKNOWN_RESOURCE, "Nothing is at " + what);
        }
        if (code == HttpStatus.BAD_REQUEST) {
            return of(ErrorCode.INVALID_INPUT, "The request is malformed: " + what);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(code, code.getReasonPhrase() + ": " + what);
        problem.setTitle(code.getReasonPhrase());
        problem.setProperty("code", "HTTP_" + code.value());
        return problem;
    }

    /** Bad input that names the fields at fault. */
    public static ProblemDetail invalid(String detail, List<FieldError> errors) {
        ProblemDetail problem = of(ErrorCode.INVALID_INPUT, detail);
        problem.setProperty("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
        return problem;
    }

    public record FieldError(String field, String message) {
    }

    /**
     * Writes a problem straight to a response, for filters that answer outside any controller (and
     * so outside the advice). A temporary refusal (503) tells the client when to retry.
     */
    public static void write(ProblemDetail problem, HttpServletRequest request, HttpServletResponse response,
                             ObjectMapper json) throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value() && !response.containsHeader(HttpHeaders.RETRY_AFTER)) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
