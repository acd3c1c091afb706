package ledger.kernel.bulletin;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** An erratum (更正) shown beside the entry it corrects; the entry itself stays as published. */
@Revision("1")
public record ErratumPublishedEvent(BulletinId bulletinId, String entryId, String correction, String reason,
                                    Instant publishedAt) {
}
