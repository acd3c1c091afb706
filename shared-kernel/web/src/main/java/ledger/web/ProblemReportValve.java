package ledger.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's last word on an error no servlet answered: a request it refused before Spring saw it
 * (a malformed request line, URI or header) leaves as a problem document like every other error,
 * never its HTML page with the server's version or a stack trace.
 */
final class ProblemReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ProblemReportValve.class);
    private static final int LONGEST_ECHOED_URI = 200;

    ProblemReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        if (throwable != null) {
            log.error("Failure outside any servlet on {}", shown(request.getRequestURI()), throwable);
        }
        ProblemDetail problem = Problems.forStatus(status, shown(request.getRequestURI()));
        problem.setStatus(status);
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            OutputStream body = response.getOutputStream();
            Problems.JSON.writeValue(body, problem);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            log.debug("Could not write the problem for status {}", status, e);
        }
    }

    /** The address as it arrived (still percent-encoded), shortened: enough to recognise it. */
    private static String shown(String uri) {
        if (uri == null || uri.isEmpty()) {
            return "the request";
        }
        try {
            URI.create(uri);
        } catch (IllegalArgumentException e) {
            return "the request";
        }
        return uri.length() > LONGEST_ECHOED_URI ? uri.substring(0, LONGEST_ECHOED_URI) + "…" : uri;
    }
}
