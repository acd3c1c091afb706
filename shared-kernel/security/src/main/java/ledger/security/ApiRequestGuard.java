package ledger.security;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import ledger.kernel.shared.ErrorCode;
import ledger.web.BufferedBodyRequest;
import ledger.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the API out of reach of what a browser sends on its own. A request that changes something
 * (POST, PUT, PATCH, DELETE) is refused when it comes from another origin (the browser says so in
 * {@code Origin} or {@code Sec-Fetch-Site}), when its body is anything but JSON (a form cannot post
 * JSON across origins without asking first), and when its body is larger than the limit, which is
 * checked before any of it is kept in memory. Runs before sign-in, so nothing behind it sees such a
 * request.
 */
public class ApiRequestGuard extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("ledger.security.denied");
    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final ObjectMapper json;
    private final Set<String> allowedOrigins;
    private final long maxBodyBytes;

    public ApiRequestGuard(ObjectMapper json, Set<String> allowedOrigins, long maxBodyBytes) {
        this.json = json;
        this.allowedOrigins = allowedOrigins.stream().map(ApiRequestGuard::normalised)
                .collect(Collectors.toUnmodifiableSet());
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!UNSAFE.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        if (crossSite(request)) {
            log.warn("Refused cross-site {} {} from origin {}", request.getMethod(), request.getRequestURI(),
                    request.getHeader(HttpHeaders.ORIGIN));
            refuse(ErrorCode.CROSS_SITE_REQUEST, "This service accepts " + request.getMethod()
                    + " only from its own origin", request, response);
            return;
        }
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        String contentType = request.getContentType();
        if ((hasBody || contentType != null) && !isJson(contentType)) {
            refuse(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json", request, response);
            return;
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            refuse(ErrorCode.PAYLOAD_TOO_LARGE, tooLarge(), request, response);
            return;
        }
        if (request.getContentLengthLong() < 0 && hasBody) {
            // no declared length (chunked): read at most the limit before anything else keeps it
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            if (body.length > maxBodyBytes) {
                refuse(ErrorCode.PAYLOAD_TOO_LARGE, tooLarge(), request, response);
                return;
            }
            chain.doFilter(new BufferedBodyRequest(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private String tooLarge() {
        return "A request body may have at most " + maxBodyBytes + " bytes";
    }

    private boolean crossSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && site.equalsIgnoreCase("cross-site")) {
            return true;
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            return false; // not sent by a browser across origins
        }
        String normalised = normalised(origin);
        return !normalised.equals(ownOrigin(request)) && !allowedOrigins.contains(normalised);
    }

    private static String ownOrigin(HttpServletRequest request) {
        return normalised(request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort());
    }

    /** scheme://host:port in lower case, with the scheme's default port written out, or "" when unreadable. */
    static String normalised(String origin) {
        try {
            URI uri = URI.create(origin.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "";
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void refuse(ErrorCode code, String detail, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Problems.write(Problems.of(code, detail), request, response, json);
    }
}
