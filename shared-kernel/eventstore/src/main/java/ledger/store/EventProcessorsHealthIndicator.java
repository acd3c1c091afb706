package ledger.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Every event processor of this service: running or not, in error or not, and its lag behind
 * the last stored position. A processor that stopped or failed makes the service DOWN.
 */
public class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;
    private final MongoEventStorageEngine engine;

    public EventProcessorsHealthIndicator(EventProcessingConfiguration processing, MongoEventStorageEngine engine) {
        super("event processors could not be inspected");
        this.processing = processing;
        this.engine = engine;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long head = engine.lastReservedPosition();
        boolean healthy = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (Map.Entry<String, EventProcessor> entry : processing.eventProcessors().entrySet()) {
            EventProcessor processor = entry.getValue();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("running", processor.isRunning());
            detail.put("error", processor.isError());
            healthy &= processor.isRunning() && !processor.isError();
            if (processor instanceof StreamingEventProcessor streaming) {
                OptionalLong position = lowestPosition(streaming);
                detail.put("segmentsClaimed", streaming.processingStatus().size());
                position.ifPresent(p -> {
                    detail.put("position", p);
                    detail.put("lag", Math.max(0, head - p));
                });
            }
            details.put(entry.getKey(), detail);
        }
        (healthy ? builder.up() : builder.down()).withDetail("lastPosition", head).withDetail("processors", details);
    }

    private static OptionalLong lowestPosition(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                        .map(EventTrackerStatus::getCurrentPosition)
                        .filter(OptionalLong::isPresent)
                        .mapToLong(OptionalLong::getAsLong)
                        .min();
    }
}
