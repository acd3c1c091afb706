package ledger.security;

import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The rule for a request no listed rule matched. An endpoint that exists but has no rule stays
 * closed (403: whatever a service forgets to list is denied). A path that no endpoint serves, or
 * a method the path does not take, is let through to a signed-in person, so the service answers
 * 404 or 405 as such instead of a misleading 403.
 */
final class UnmappedPaths implements AuthorizationManager<RequestAuthorizationContext> {

    private final ApplicationContext context;
    private volatile List<RequestMappingHandlerMapping> mappings;

    UnmappedPaths(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext request) {
        Authentication who = authentication.get();
        boolean signedIn = who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken);
        return new AuthorizationDecision(signedIn && !servedByAnEndpoint(request.getRequest()));
    }

    private boolean servedByAnEndpoint(HttpServletRequest request) {
        // asked as the dispatcher would ask, then left as it was found: the dispatcher asks again
        boolean parsed = ServletRequestPathUtils.hasParsedRequestPath(request);
        if (!parsed) {
            ServletRequestPathUtils.parseAndCache(request);
        }
        try {
            return anyMappingServes(request);
        } finally {
            if (!parsed) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            }
            for (String name : Collections.list(request.getAttributeNames())) {
                if (name.startsWith(HandlerMapping.class.getName())) {
                    request.removeAttribute(name);
                }
            }
        }
    }

    private boolean anyMappingServes(HttpServletRequest request) {
        for (RequestMappingHandlerMapping mapping : mappings()) {
            try {
                if (mapping.getHandler(request) != null) {
                    return true;
                }
            } catch (HttpRequestMethodNotSupportedException wrongMethod) {
                // the path exists, the method does not: the service answers 405
            } catch (Exception other) {
                return true; // the endpoint exists but cannot take this request as it is: stay closed
            }
        }
        return false;
    }

    /** Looked up once, on the first request no rule matched: the mappings are fixed once the service runs. */
    private List<RequestMappingHandlerMapping> mappings() {
        List<RequestMappingHandlerMapping> found = mappings;
        if (found == null) {
            found = List.copyOf(context.getBeansOfType(RequestMappingHandlerMapping.class).values());
            mappings = found;
        }
        return found;
    }
}
