package ledger.kernel.bulletin;

import java.time.Instant;

import org.axonframework.serialization.Revision;

@Revision("1")
public record BulletinEntryAddedEvent(BulletinId bulletinId, BulletinEntry entry, Instant addedAt) {
}
