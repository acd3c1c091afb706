package ledger.query.rebuild;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import ledger.query.infrastructure.ViewPositions;
import ledger.security.CurrentActor;
import ledger.store.MongoEventStorageEngine;
import ledger.store.deadletter.MongoSequencedDeadLetterQueue.ParkedSequence;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The view processors and how far they are, and their rebuild: the processor stops, its views
 * are emptied (reset handlers), its tokens go back to the start, and it replays the whole log.
 * Only projections run on a replay here; the notifications view enters no e-mail on a replay.
 */
@RestController
@Tag(name = "Administration: views 视图维护")
public class ViewRebuildController {

    private static final Logger log = LoggerFactory.getLogger(ViewRebuildController.class);

    private final EventProcessingConfiguration processing;
    private final ViewPositions positions;
    private final MongoEventStorageEngine engine;

    ViewRebuildController(EventProcessingConfiguration processing, ViewPositions positions,
                          MongoEventStorageEngine engine) {
        this.processing = processing;
        this.positions = positions;
        this.engine = engine;
    }

    /**
     * One view processor: whether it runs here, how far its views have come and whether that is the
     * head of the log, and its parked events. Axon counts a processor as replaying until it handles
     * an event newer than the reset, so {@code caughtUp} is what says a rebuild has finished; it is
     * false while any event is parked in the view's dead-letter queue, since the view then misses
     * that aggregate's events ({@code parked} names them, the earliest first).
     */
    public record ProcessorView(String name, boolean runningHere, boolean inError, Long position, Long headPosition,
                         boolean caughtUp, boolean replaying, List<Integer> segmentsHere, long parkedEvents,
                         int parkedSequences, List<Parked> parked) {
    }

    /** A parked sequence (aggregate): how many events, from which position. */
    public record Parked(String aggregateId, long events, Long firstPosition, boolean beingRetried) {
    }

    /** At most this many parked sequences are listed per processor; the counts cover all. */
    private static final int LISTED_PARKED = 20;

    @GetMapping("/api/admin/processors")
    @Operation(summary = "The view processors: position, head of the log, caught up (at the head with nothing parked), "
            + "replay state, segments owned here, parked events per aggregate")
    public List<ProcessorView> processors() {
        long head = head();
        List<ProcessorView> all = new ArrayList<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                all.add(view(name, streaming, head));
            }
        });
        return all;
    }

    @PostMapping("/api/admin/processors/{name}/rebuild")
    @Operation(summary = "Rebuild a view from the whole log: stop, empty, reset to the start, replay (202; follow "
            + "progress on GET /api/admin/processors). Refused (409) while another query-side instance holds a segment")
    public ResponseEntity<ProcessorView> rebuild(@PathVariable String name) {
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new LedgerException(ErrorCode.UNKNOWN_VIEW_PROCESSOR, "No view processor " + name));
        if (!processor.supportsReset()) {
            throw new LedgerException(ErrorCode.REBUILD_REFUSED, name + " has no reset handling");
        }
        // A reset empties the views before it moves the tokens, and the token store has no
        // transactions: refuse while another instance holds a segment, before anything is touched.
        List<String> others = positions.claimedElsewhere(name);
        if (!others.isEmpty()) {
            throw new LedgerException(ErrorCode.REBUILD_REFUSED, "Another query-side instance (" + others.get(0)
                    + ") is processing " + name + "; stop its processing of this view first, then rebuild");
        }
        log.info("{} rebuilds view processor {}", CurrentActor.get().personId(), name);
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (RuntimeException e) {
            log.error("Rebuild of {} failed while resetting its tokens", name, e);
            throw new LedgerException(ErrorCode.REBUILD_REFUSED, "The view " + name + " could not be reset; see the "
                    + "service log. Its views may be empty until a rebuild succeeds");
        } finally {
            processor.start();
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(view(name, processor, head()));
    }

    private ProcessorView view(String name, StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        OptionalLong position = positions.position(name);
        List<ParkedSequence> parked = positions.parked(name);
        long parkedEvents = parked.stream().mapToLong(ParkedSequence::letters).sum();
        boolean reachedHead = head == 0 || position.isPresent() && position.getAsLong() >= head;
        return new ProcessorView(name, processor.isRunning(), processor.isError(),
                position.isPresent() ? position.getAsLong() : null, head, reachedHead && parkedEvents == 0,
                status.values().stream().anyMatch(EventTrackerStatus::isReplaying), status.keySet().stream().sorted().toList(),
                parkedEvents, parked.size(), parked.stream().limit(LISTED_PARKED)
                        .map(p -> new Parked(p.sequenceIdentifier(), p.letters(), p.firstPosition(), p.beingRetried()))
                        .toList());
    }

    /** The last position handed out; a head token would wait for commits still in flight. */
    private long head() {
        return engine.lastReservedPosition();
    }
}
