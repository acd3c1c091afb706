package ledger.store;

import java.util.Map;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Revision;

public final class Fixtures {

    private Fixtures() {
    }

    @Revision("1")
    public record Noted(String aggregateId, long number, String text) {
    }

    @Revision("1")
    public record Announced(String text) {
    }

    public static DomainEventMessage<Noted> noted(String aggregateId, long sequence) {
        return new GenericDomainEventMessage<>("Notebook", aggregateId, sequence,
                new Noted(aggregateId, sequence, "第" + sequence + "条"),
                MetaData.from(Map.of("actorId", "tester", "reason", "contract")));
    }

    public static EventMessage<Announced> announced(String text) {
        return GenericEventMessage.asEventMessage(new Announced(text));
    }
}
