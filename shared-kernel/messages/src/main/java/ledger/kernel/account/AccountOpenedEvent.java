package ledger.kernel.account;

import java.time.Instant;

import ledger.kernel.security.Role;
import org.axonframework.serialization.Revision;

/** Who opened whose account, with which role; the password hash is kept apart, never in an event. */
@Revision("1")
public record AccountOpenedEvent(AccountId accountId, String username, String personId, Role role, String unitId,
                                 String displayName, String openedBy, Role openedByRole, Instant openedAt) {
}
