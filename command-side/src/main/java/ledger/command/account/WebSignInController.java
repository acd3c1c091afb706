package ledger.command.account;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import ledger.kernel.security.Role;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import ledger.security.LedgerUser;
import ledger.security.ProblemSecurityHandlers;
import ledger.security.UserAccount;
import ledger.security.UserAccounts;
import ledger.security.WebTokenFilter;
import ledger.security.WebTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person signing in to the web application: the query side passes on the password they typed once,
 * and keeps the token this answers with in their session to forward their writes (ADR 0007).
 */
@RestController
@Tag(name = "Accounts 账号")
class WebSignInController {

    private final WebTokens tokens;
    private final UserAccounts accounts;
    private final Clock clock;

    WebSignInController(WebTokens tokens, UserAccounts accounts, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.clock = clock;
    }

    @PostMapping("/api/sessions")
    @Operation(summary = "Sign in to the web application with a password (HTTP Basic): a token to forward this "
            + "person's commands with (Authorization: LedgerWeb <token>) until it expires, the password changes or "
            + "the account is disabled")
    ResponseEntity<WebSession> signIn(@AuthenticationPrincipal LedgerUser user, HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        // a token does not make a new token: sessions end when their sign-in does
        if (user == null || authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new LedgerException(ErrorCode.NOT_PERMITTED, "Sign in with a password to open a web session");
        }
        UserAccount account = accounts.find(user.username())
                .orElseThrow(() -> new LedgerException(ErrorCode.AUTHENTICATION_REQUIRED, "No such account"));
        WebTokens.Issued issued = tokens.issue(account, clock.instant());
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(new WebSession(issued.token(), issued.expiresAt(), account.username(), account.personId(),
                        account.role(), account.unitId(), account.displayName()));
    }

    record WebSession(String token, Instant expiresAt, String username, String personId, Role role, String unitId,
                      String displayName) {
    }

    @Configuration
    static class WebSignInConfiguration {

        @Bean
        WebTokens webTokens(@Value("${ledger.web-sign-in.key-file}") Path keyFile,
                            @Value("${ledger.web-sign-in.max-session}") Duration maxSession) {
            return new WebTokens(WebTokens.loadOrCreateKey(keyFile), maxSession);
        }

        @Bean
        WebTokenFilter webTokenFilter(WebTokens tokens, UserAccounts accounts, ProblemSecurityHandlers handlers) {
            return new WebTokenFilter(tokens, accounts, handlers);
        }

        /** Runs inside the security chain only. */
        @Bean
        org.springframework.boot.web.servlet.FilterRegistrationBean<WebTokenFilter> webTokenFilterRegistration(
                WebTokenFilter filter) {
            var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(filter);
            registration.setEnabled(false);
            return registration;
        }
    }
}
