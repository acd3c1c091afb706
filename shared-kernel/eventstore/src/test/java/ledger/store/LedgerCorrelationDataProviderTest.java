package ledger.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import ledger.kernel.shared.MetadataKeys;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

class LedgerCorrelationDataProviderTest {

    private final LedgerCorrelationDataProvider provider = new LedgerCorrelationDataProvider();
    private final MetaData sent = MetaData.from(Map.of(MetadataKeys.ACTOR_ID, "cadre-1",
            MetadataKeys.IDEMPOTENCY_KEY, "abc#0"));

    @Test
    void a_commands_idempotency_key_goes_onto_the_events_it_causes() {
        var command = GenericCommandMessage.asCommandMessage("assign").andMetaData(sent);

        Map<String, Object> data = Map.copyOf(provider.correlationDataFor(command));
        assertThat(data)
                .containsEntry(MetadataKeys.IDEMPOTENCY_KEY, "abc#0").containsEntry(MetadataKeys.ACTOR_ID, "cadre-1");
    }

    @Test
    void but_not_onto_the_commands_a_flow_sends_for_those_events() {
        // else the flow's commit would take the request's key, which the store keeps unique
        var event = GenericEventMessage.asEventMessage("assigned").andMetaData(sent);

        Map<String, Object> data = Map.copyOf(provider.correlationDataFor(event));
        assertThat(data)
                .doesNotContainKey(MetadataKeys.IDEMPOTENCY_KEY).containsEntry(MetadataKeys.ACTOR_ID, "cadre-1");
    }
}
