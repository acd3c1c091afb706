package ledger.kernel.bulletin;

import java.time.Instant;

import ledger.kernel.security.Role;
import org.axonframework.serialization.Revision;

/** One member of the supervision group signed off (会签). */
@Revision("1")
public record BulletinSignedEvent(BulletinId bulletinId, Role member, String signedBy, Instant signedAt) {
}
