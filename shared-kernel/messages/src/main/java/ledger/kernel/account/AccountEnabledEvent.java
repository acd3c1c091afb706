package ledger.kernel.account;

import java.time.Instant;

import org.axonframework.serialization.Revision;

@Revision("1")
public record AccountEnabledEvent(AccountId accountId, String username, String personId, String enabledBy, String reason,
                          Instant enabledAt) {
}
