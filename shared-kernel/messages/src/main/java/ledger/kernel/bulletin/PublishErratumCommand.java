package ledger.kernel.bulletin;

import java.time.Instant;

import ledger.kernel.security.Actor;
import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Correct an entry of a published bulletin with an erratum (更正), giving the reason. */
public record PublishErratumCommand(@TargetAggregateIdentifier BulletinId bulletinId,
                                    Actor author,
                                    String entryId,
                                    String correction,
                                    String reason,
                                    Instant publishedAt) {

    public PublishErratumCommand {
        Require.present(bulletinId, "bulletinId");
        Require.present(author, "author");
        Require.id(entryId, "entryId");
        correction = Require.text(correction, "correction", 4000);
        reason = Require.text(reason, "reason", 4000);
        Require.present(publishedAt, "publishedAt");
    }
}
