package ledger.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in a request the web application forwards for a person: {@code Authorization: LedgerWeb <token>},
 * a token this service issued and verifies itself (see {@link WebTokens}). Nothing else the forwarding hop
 * says about who acts is believed. A token that fails is a 401, never a fall-through to another sign-in.
 */
public class WebTokenFilter extends OncePerRequestFilter {

    public static final String SCHEME = "LedgerWeb ";

    private final WebTokens tokens;
    private final UserAccounts accounts;
    private final ProblemSecurityHandlers handlers;

    public WebTokenFilter(WebTokens tokens, UserAccounts accounts, ProblemSecurityHandlers handlers) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.handlers = handlers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            chain.doFilter(request, response);
            return;
        }
        var account = tokens.verify(header.substring(SCHEME.length()).trim(), accounts);
        if (account.isEmpty()) {
            SecurityContextHolder.clearContext();
            handlers.commence(request, response, new BadCredentialsException("not a valid web sign-in"));
            return;
        }
        LedgerUser user = LedgerUser.of(account.get());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
