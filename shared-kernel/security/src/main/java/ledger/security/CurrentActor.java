package ledger.security;

import java.util.Optional;

import ledger.kernel.security.Actor;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The actor of the request being served, from the authenticated principal only. */
public final class CurrentActor {

    private CurrentActor() {
    }

    /** The account of the request being served, when one is signed in. */
    public static Optional<String> account() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ActorPrincipal principal) {
            return Optional.ofNullable(principal.account());
        }
        return Optional.empty();
    }

    public static Actor get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ActorPrincipal principal) {
            return principal.actor();
        }
        throw new LedgerException(ErrorCode.AUTHENTICATION_REQUIRED, "This request has no authenticated actor");
    }
}
