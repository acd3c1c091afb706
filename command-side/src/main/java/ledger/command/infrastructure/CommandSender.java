package ledger.command.infrastructure;

import java.util.HashMap;
import java.util.Map;

import ledger.kernel.security.Actor;
import ledger.kernel.shared.MetadataKeys;
import ledger.security.CurrentActor;
import ledger.store.CommitReceipt;
import ledger.store.CommitReceipts;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/**
 * Sends a command as the authenticated actor (stamped into its metadata, and so onto every event
 * it causes) and answers with what it stored.
 */
@Component
public class CommandSender {

    private final CommandGateway gateway;
    private final CommitReceipts receipts;

    CommandSender(CommandGateway gateway, CommitReceipts receipts) {
        this.gateway = gateway;
        this.receipts = receipts;
    }

    public CommandAccepted send(Object command, String aggregateId) {
        return send(command, aggregateId, null);
    }

    public CommandAccepted send(Object command, String aggregateId, String reason) {
        var message = GenericCommandMessage.asCommandMessage(command).andMetaData(metaData(CurrentActor.get(), reason));
        CommitReceipt receipt = receipts.capture(() -> gateway.sendAndWait(message)).receipt()
                .orElseThrow(() -> new IllegalStateException("command " + command.getClass().getSimpleName()
                        + " was accepted but stored no event"));
        Long version = receipt.aggregateVersions().get(aggregateId);
        if (version == null) {
            throw new IllegalStateException("command stored no event for aggregate " + aggregateId);
        }
        return new CommandAccepted(aggregateId, version, receipt.lastPosition());
    }

    static MetaData metaData(Actor actor, String reason) {
        Map<String, String> data = new HashMap<>();
        data.put(MetadataKeys.ACTOR_ID, actor.personId());
        data.put(MetadataKeys.ACTOR_ROLE, actor.role().name());
        if (actor.unitId() != null) {
            data.put(MetadataKeys.ACTOR_UNIT, actor.unitId());
        }
        if (reason != null && !reason.isBlank()) {
            data.put(MetadataKeys.REASON, reason);
        }
        return MetaData.from(data);
    }
}
