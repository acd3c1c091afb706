package ledger.kernel.bulletin;

import java.time.Instant;

import ledger.kernel.security.Actor;
import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A member of the supervision group signs off the draft (会签). */
public record SignBulletinCommand(@TargetAggregateIdentifier BulletinId bulletinId,
                                  Actor signer,
                                  Instant signedAt) {

    public SignBulletinCommand {
        Require.present(bulletinId, "bulletinId");
        Require.present(signer, "signer");
        Require.present(signedAt, "signedAt");
    }
}
