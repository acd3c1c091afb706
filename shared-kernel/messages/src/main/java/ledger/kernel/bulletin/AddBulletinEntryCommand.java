package ledger.kernel.bulletin;

import java.time.Instant;

import ledger.kernel.security.Actor;
import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add an entry of kind progress, highlight or problem to the draft. */
public record AddBulletinEntryCommand(@TargetAggregateIdentifier BulletinId bulletinId,
                                      Actor author,
                                      BulletinEntry entry,
                                      Instant addedAt) {

    public AddBulletinEntryCommand {
        Require.present(bulletinId, "bulletinId");
        Require.present(author, "author");
        Require.present(entry, "entry");
        Require.present(addedAt, "addedAt");
    }
}
