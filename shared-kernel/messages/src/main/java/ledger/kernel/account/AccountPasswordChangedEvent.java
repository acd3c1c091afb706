package ledger.kernel.account;

import java.time.Instant;

import org.axonframework.serialization.Revision;

@Revision("1")
public record AccountPasswordChangedEvent(AccountId accountId, String username, String personId, String changedBy, String reason,
                          Instant changedAt) {
}
