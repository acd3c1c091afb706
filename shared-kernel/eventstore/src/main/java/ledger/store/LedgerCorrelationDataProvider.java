package ledger.store;

import java.util.HashMap;
import java.util.Map;

import ledger.kernel.shared.MetadataKeys;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * Carries the actor (and the account they signed in with), the reason and the correlation chain from the message being handled onto
 * every message it produces, so each stored event says who, in which role, why, and what caused it.
 * A command's idempotency key goes onto the events it causes (the store keeps commits unique by
 * it), but no further: the commands a flow sends for those events are not that request.
 */
public class LedgerCorrelationDataProvider implements CorrelationDataProvider {

    private static final String[] CARRIED = {
            MetadataKeys.ACTOR_ID, MetadataKeys.ACTOR_ROLE, MetadataKeys.ACTOR_UNIT, MetadataKeys.ACTOR_ACCOUNT,
            MetadataKeys.REASON};

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        for (String key : CARRIED) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
        Object idempotencyKey = message.getMetaData().get(MetadataKeys.IDEMPOTENCY_KEY);
        if (idempotencyKey != null && message instanceof CommandMessage) {
            data.put(MetadataKeys.IDEMPOTENCY_KEY, idempotencyKey);
        }
        Object correlation = message.getMetaData().get(MetadataKeys.CORRELATION_ID);
        data.put(MetadataKeys.CORRELATION_ID, correlation != null ? correlation : message.getIdentifier());
        data.put(MetadataKeys.CAUSATION_ID, message.getIdentifier());
        return data;
    }
}
