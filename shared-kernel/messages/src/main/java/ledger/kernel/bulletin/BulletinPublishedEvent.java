package ledger.kernel.bulletin;

import java.time.Instant;
import java.time.YearMonth;

import org.axonframework.serialization.Revision;

/** Published: from now on the bulletin is immutable; mistakes are fixed by errata. */
@Revision("1")
public record BulletinPublishedEvent(BulletinId bulletinId, YearMonth month, int entries, Instant publishedAt) {
}
