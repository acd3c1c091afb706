package ledger.command.demo;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import ledger.kernel.shared.MetadataKeys;
import ledger.store.MongoEventStorageEngine;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** A demo load that died half-way is finished by the next start, each item stored once. */
@SpringBootTest(properties = {"ledger.store.embedded-persistent=false", "ledger.demo.data=false",
        "ledger.security.bcrypt-strength=4"})
class DemoDataResumeTest {

    /** What one uninterrupted load stores (DemoDataTest checks the same of a load at start-up). */
    static final Map<String, Long> UNINTERRUPTED = Map.ofEntries(
            Map.entry("UnitRegisteredEvent", 13L),
            Map.entry("CadreRegisteredEvent", 43L),
            Map.entry("BureauLeaderAppointedEvent", 6L),
            Map.entry("UnitHeadAppointedEvent", 12L),
            Map.entry("TaskAssignedEvent", 60L),
            Map.entry("ProgressReportedEvent", 40L),
            Map.entry("TaskForceFormedEvent", 1L),
            Map.entry("TaskForceMeetingHeldEvent", 1L),
            Map.entry("FeasibilityOpinionSubmittedEvent", 1L),
            Map.entry("ProblemReferredEvent", 1L),
            Map.entry("LeadershipDecisionRecordedEvent", 1L),
            Map.entry("ScoreRecordedEvent", 1L),
            Map.entry("ScoreCorrectionRequestedEvent", 1L),
            Map.entry("ScoreCorrectedEvent", 1L));

    @Autowired
    MongoEventStorageEngine engine;
    @Autowired
    DemoData demo;

    @Test
    void a_load_stopped_half_way_is_finished_by_the_next_start_each_item_once() {
        assertThat(demo.load(70)).isFalse();
        Map<String, Long> halfWay = loaded(engine);
        assertThat(halfWay.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(70);
        assertThat(halfWay).doesNotContainKey("TaskAssignedEvent");

        assertThat(demo.load(Integer.MAX_VALUE)).isTrue();
        assertThat(loaded(engine)).isEqualTo(UNINTERRUPTED);

        assertThat(demo.load(Integer.MAX_VALUE)).isTrue(); // a finished load sends nothing more
        assertThat(loaded(engine)).isEqualTo(UNINTERRUPTED);
    }

    /** The events the loader's own commands stored (not those of the flows they start), by type. */
    static Map<String, Long> loaded(MongoEventStorageEngine engine) {
        try (var stream = engine.readEvents(null, false)) {
            List<? extends TrackedEventMessage<?>> events = stream
                    .filter(e -> String.valueOf(e.getMetaData().get(MetadataKeys.IDEMPOTENCY_KEY)).startsWith("demo/"))
                    .toList();
            assertThat(events).allSatisfy(e -> assertThat(e).isInstanceOf(DomainEventMessage.class));
            return events.stream().collect(groupingBy(e -> e.getPayloadType().getSimpleName(), counting()));
        }
    }
}
