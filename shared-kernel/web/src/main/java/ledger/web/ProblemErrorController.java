package ledger.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import ledger.kernel.shared.ErrorCode;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the servlet container forwards to {@code /error} (a failure outside any controller, e.g. in
 * a filter) leaves as a problem document too, never Spring's default body; asked for directly, the
 * error page is a resource like any other that does not exist.
 */
@RestController
@RequestMapping(value = "${server.error.path:/error}", produces = MediaType.APPLICATION_PROBLEM_JSON_VALUE)
public class ProblemErrorController implements ErrorController {

    @RequestMapping
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : uri.toString();
        if (status == null) {
            return Problems.response(ErrorCode.UNKNOWN_RESOURCE, "Nothing is at " + path);
        }
        ProblemDetail problem = Problems.forStatus((Integer) status, path);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
