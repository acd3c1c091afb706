package ledger.command.infrastructure;

import ledger.store.CommitReceipt;
import ledger.store.CommitReceipts;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** Sends a command as the current actor and answers with what it stored. */
@Component
public class CommandSender {

    private final CommandGateway gateway;
    private final CommitReceipts receipts;
    private final CurrentActor actor;

    CommandSender(CommandGateway gateway, CommitReceipts receipts, CurrentActor actor) {
        this.gateway = gateway;
        this.receipts = receipts;
        this.actor = actor;
    }

    public CommandAccepted send(Object command, String aggregateId) {
        return send(command, aggregateId, null);
    }

    public CommandAccepted send(Object command, String aggregateId, String reason) {
        var message = GenericCommandMessage.asCommandMessage(command).andMetaData(actor.get().asMetaData(reason));
        CommitReceipt receipt = receipts.capture(() -> gateway.sendAndWait(message)).receipt()
                .orElseThrow(() -> new IllegalStateException("command " + command.getClass().getSimpleName()
                        + " was accepted but stored no event"));
        Long version = receipt.aggregateVersions().get(aggregateId);
        if (version == null) {
            throw new IllegalStateException("command stored no event for aggregate " + aggregateId);
        }
        return new CommandAccepted(aggregateId, version, receipt.lastPosition());
    }
}
