package ledger.kernel.bulletin;

import java.time.Instant;
import java.time.YearMonth;

import ledger.kernel.security.Actor;
import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The supervision group starts the bulletin of a month. */
public record DraftBulletinCommand(@TargetAggregateIdentifier BulletinId bulletinId,
                                   YearMonth month,
                                   Actor drafter,
                                   Instant draftedAt) {

    public DraftBulletinCommand {
        Require.present(bulletinId, "bulletinId");
        Require.present(month, "month");
        Require.present(drafter, "drafter");
        Require.present(draftedAt, "draftedAt");
    }
}
