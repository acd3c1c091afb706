package ledger.kernel.account;

import java.time.Instant;

import ledger.kernel.security.Role;
import org.axonframework.serialization.Revision;

@Revision("1")
public record AccountRoleChangedEvent(AccountId accountId, String username, String personId, Role previousRole,
                                      Role role, String unitId, String changedBy, Instant changedAt) {
}
