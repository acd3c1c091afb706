package ledger.kernel.account;

import java.time.Instant;

import org.axonframework.serialization.Revision;

@Revision("1")
public record AccountPasswordResetEvent(AccountId accountId, String username, String personId, String resetBy, String reason,
                          Instant resetAt) {
}
