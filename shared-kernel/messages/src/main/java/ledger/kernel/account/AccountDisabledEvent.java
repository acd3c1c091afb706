package ledger.kernel.account;

import java.time.Instant;

import org.axonframework.serialization.Revision;

@Revision("1")
public record AccountDisabledEvent(AccountId accountId, String username, String personId, String disabledBy, String reason,
                          Instant disabledAt) {
}
