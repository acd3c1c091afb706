package ledger.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.InvalidMessageException;
import ledger.kernel.shared.LedgerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error leaves as an RFC 9457 problem with a stable {@code code}. Bad input names the
 * field; unexpected failures are logged and answered without their message or stack trace.
 * Runs last, so a service's own advice can handle its framework's exceptions first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(LedgerException.class)
    ResponseEntity<ProblemDetail> ledger(LedgerException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (e.code().kind() == ErrorCode.Kind.FORBIDDEN) {
            log.warn("Denied {} {} to {}: {}", request.getMethod(), request.getRequestURI(),
                    request.getUserPrincipal() == null ? "nobody" : request.getUserPrincipal().getName(), e.code());
        }
        if (wantsStream(request)) {
            writeDirectly(Problems.response(e), request, response);
            return null;
        }
        return Problems.response(e);
    }

    @ExceptionHandler(InvalidMessageException.class)
    ResponseEntity<ProblemDetail> invalidMessage(InvalidMessageException e) {
        return badRequest(List.of(new Problems.FieldError(e.field(), e.problem())));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        return badRequest(e.getConstraintViolations().stream()
                .map(v -> new Problems.FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList());
    }

    /**
     * A request parameter that could not become its type. For a closed set (an enum, or a value
     * whose converter refuses with a reason, such as an event type) the answer names what is
     * allowed, so no filter silently matches nothing; the one place every such parameter is checked.
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request,
                                               HttpServletResponse response) throws IOException {
        ResponseEntity<ProblemDetail> answer = badRequest(List.of(new Problems.FieldError(e.getName(), mismatch(e))));
        if (wantsStream(request)) {
            writeDirectly(answer, request, response);
            return null;
        }
        return answer;
    }

    private static String mismatch(MethodArgumentTypeMismatchException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidMessageException refused) {
                return refused.problem();
            }
        }
        ResolvableType type = ResolvableType.forMethodParameter(e.getParameter());
        Class<?> value = type.isArray() ? type.getComponentType().resolve()
                : type.asCollection() != ResolvableType.NONE ? type.asCollection().resolveGeneric(0) : type.resolve();
        if (value != null && value.isEnum()) {
            return "must be one of " + String.join(", ", Arrays.stream(value.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name()).toList());
        }
        return "has an invalid value";
    }

    /** A streamed response found no free stream thread: the instance is at its limit, not broken. */
    @ExceptionHandler(TaskRejectedException.class)
    void busy(TaskRejectedException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        writeDirectly(Problems.response(ErrorCode.TOO_MANY_STREAMS, "This instance follows as many live streams as it "
                + "may; retry shortly, or on another instance"), request, response);
    }

    /**
     * A stream's request accepts only its stream's type, which a problem is not: the problem is
     * written as it is rather than negotiated (which would fail into an empty 500).
     */
    private static void writeDirectly(ResponseEntity<ProblemDetail> answer, HttpServletRequest request,
                                      HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return; // the stream had begun: closing it is all that is left
        }
        response.reset();
        answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        Problems.write(answer.getBody(), request, response, Problems.JSON);
    }

    private static boolean wantsStream(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && (accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE) || accept.contains("application/x-ndjson"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return Problems.internalError();
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Problems.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new Problems.FieldError(f.getField(), f.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(Problems.invalid(summary(errors), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<Problems.FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new Problems.FieldError(
                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(Problems.invalid(summary(errors), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Problems.FieldError error = describe(e.getCause());
        return ResponseEntity.badRequest().body(Problems.invalid(summary(List.of(error)), List.of(error)));
    }

    /** A path no endpoint serves (a signed-in person may learn that much), naming the path. */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(404).body(Problems.of(ErrorCode.UNKNOWN_RESOURCE, "Nothing is at /"
                + e.getResourcePath()));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        // Spring's own problems (405, 406, 415, ...) keep their shape and gain a code.
        if (body instanceof ProblemDetail problem && problem.getProperties() == null) {
            problem.setProperty("code", "HTTP_" + status.value());
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static ResponseEntity<ProblemDetail> badRequest(List<Problems.FieldError> errors) {
        return ResponseEntity.badRequest().body(Problems.invalid(summary(errors), errors));
    }

    private static String summary(List<Problems.FieldError> errors) {
        return errors.isEmpty() ? "The request is malformed"
                : "Invalid input: " + String.join(", ", errors.stream().map(e -> e.field() + " " + e.message()).toList());
    }

    /** Names the JSON field at fault without echoing the parser's message. */
    private static Problems.FieldError describe(Throwable cause) {
        if (cause instanceof ValueInstantiationException v && v.getCause() instanceof InvalidMessageException m) {
            return new Problems.FieldError(path(v), m.problem());
        }
        if (cause instanceof JsonMappingException j && j.getCause() instanceof InvalidMessageException m) {
            return new Problems.FieldError(path(j), m.problem());
        }
        if (cause instanceof UnrecognizedPropertyException u) {
            return new Problems.FieldError(path(u), "is not a known field");
        }
        if (cause instanceof InvalidFormatException f) {
            return new Problems.FieldError(path(f), "has an invalid value");
        }
        if (cause instanceof MismatchedInputException m) {
            return new Problems.FieldError(path(m), "has the wrong type");
        }
        if (cause instanceof JsonMappingException j && j.getCause() instanceof StreamReadException read) {
            return unreadable(path(j), read);
        }
        if (cause instanceof StreamReadException read && read.getProcessor() != null) {
            return unreadable(fieldAt(read.getProcessor()), read);
        }
        return new Problems.FieldError("body", "is not valid JSON");
    }

    /** A token the parser could not take (a number out of range, NaN, a key given twice), at the field. */
    private static Problems.FieldError unreadable(String field, StreamReadException read) {
        if (read instanceof InputCoercionException) {
            return new Problems.FieldError(field, "is out of range");
        }
        if (read.getOriginalMessage() != null && read.getOriginalMessage().startsWith("Duplicate field")) {
            return new Problems.FieldError(field, "is given more than once");
        }
        return new Problems.FieldError(field, "is not valid JSON here");
    }

    /** Where the parser stood: the field it was reading (or "body" at the top). */
    private static String fieldAt(JsonParser parser) {
        JsonStreamContext context = parser.getParsingContext();
        StringBuilder path = new StringBuilder();
        for (; context != null && !context.inRoot(); context = context.getParent()) {
            String step = context.inArray() ? "[" + Math.max(0, context.getCurrentIndex()) + "]"
                    : context.getCurrentName() == null ? "" : context.getCurrentName();
            path.insert(0, path.isEmpty() || step.startsWith("[") || step.isEmpty() ? step : step + ".");
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String lastNode(String propertyPath) {
        return propertyPath.substring(propertyPath.lastIndexOf('.') + 1);
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
