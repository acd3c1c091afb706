package ledger.security;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.MongoException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import ledger.kernel.shared.ErrorCode;
import ledger.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as problem documents; every refusal is logged with who tried what. A sign-in that
 * failed because the account store could not be read is no refusal: 503, retry later.
 */
public class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger("ledger.security.denied");

    private final ObjectMapper json;
    private final String challenge;

    public ProblemSecurityHandlers(ObjectMapper json, String challenge) {
        this.json = json;
        this.challenge = challenge;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (storeFailure(e) != null) {
            LoggerFactory.getLogger(ProblemSecurityHandlers.class).warn("Could not check the sign-in of {} {}: "
                    + "the store failed", request.getMethod(), request.getRequestURI(), storeFailure(e));
            write(response, Problems.of(ErrorCode.STORE_UNAVAILABLE, "The sign-in could not be checked because "
                    + "the store failed; try again"), request);
            return;
        }
        log.warn("Unauthenticated {} {} from {}", request.getMethod(), request.getRequestURI(), request.getRemoteAddr());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        write(response, Problems.of(ErrorCode.AUTHENTICATION_REQUIRED, "Sign in to use this resource"), request);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        Object who = authentication != null && authentication.getPrincipal() instanceof ActorPrincipal p
                ? p.actor() : authentication;
        log.warn("Denied {} {} to {}", request.getMethod(), request.getRequestURI(), who);
        write(response, Problems.of(ErrorCode.NOT_PERMITTED, "Your role may not " + request.getMethod() + " "
                + request.getRequestURI()), request);
    }

    private static MongoException storeFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MongoException store) {
                return store;
            }
        }
        return null;
    }

    private void write(HttpServletResponse response, ProblemDetail problem, HttpServletRequest request)
            throws IOException {
        Problems.write(problem, request, response, json);
    }
}
