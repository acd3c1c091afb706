package ledger.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import ledger.store.deadletter.MongoSequencedDeadLetterQueue.ParkedSequence;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Every event processor of this service: running or not, in error or not, how far its views have
 * come (from the shared token store, so the same on every instance, whichever owns the segments),
 * its lag behind the last stored position and the events parked in its dead-letter queue. A
 * processor that stopped or failed makes the service DOWN; parked events do not (the processor
 * goes on for every other aggregate), but they show, and {@code caughtUp} is false while any is.
 */
public class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;
    private final MongoEventStorageEngine engine;
    private final ProcessorProgress progress;

    public EventProcessorsHealthIndicator(EventProcessingConfiguration processing, MongoEventStorageEngine engine,
                                          ProcessorProgress progress) {
        super("event processors could not be inspected");
        this.processing = processing;
        this.engine = engine;
        this.progress = progress;
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
                OptionalLong position = progress.position(entry.getKey());
                List<ParkedSequence> parked = progress.parked(entry.getKey());
                long letters = parked.stream().mapToLong(ParkedSequence::letters).sum();
                detail.put("segmentsClaimed", streaming.processingStatus().size());
                position.ifPresent(p -> {
                    detail.put("position", p);
                    detail.put("lag", Math.max(0, head - p));
                });
                detail.put("parkedSequences", parked.size());
                detail.put("parkedEvents", letters);
                detail.put("caughtUp", letters == 0 && (head == 0 || position.orElse(0) >= head));
            }
            details.put(entry.getKey(), detail);
        }
        (healthy ? builder.up() : builder.down()).withDetail("lastPosition", head).withDetail("processors", details);
    }
}
