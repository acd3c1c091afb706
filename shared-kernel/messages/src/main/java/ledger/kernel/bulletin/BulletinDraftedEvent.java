package ledger.kernel.bulletin;

import java.time.Instant;
import java.time.YearMonth;

import org.axonframework.serialization.Revision;

@Revision("1")
public record BulletinDraftedEvent(BulletinId bulletinId, YearMonth month, Instant draftedAt) {
}
