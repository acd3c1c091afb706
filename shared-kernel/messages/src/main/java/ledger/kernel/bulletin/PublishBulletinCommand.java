package ledger.kernel.bulletin;

import java.time.Instant;

import ledger.kernel.security.Actor;
import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Publish the signed bulletin; it is immutable from then on. */
public record PublishBulletinCommand(@TargetAggregateIdentifier BulletinId bulletinId,
                                     Actor publisher,
                                     Instant publishedAt) {

    public PublishBulletinCommand {
        Require.present(bulletinId, "bulletinId");
        Require.present(publisher, "publisher");
        Require.present(publishedAt, "publishedAt");
    }
}
