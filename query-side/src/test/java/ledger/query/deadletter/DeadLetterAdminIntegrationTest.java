package ledger.query.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.MongoTimeoutException;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import ledger.kernel.task.ProgressReportedEvent;
import ledger.kernel.task.TaskId;
import ledger.query.infrastructure.ViewPositions;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.springframework.dao.DataAccessResourceFailureException;

import ledger.kernel.organisation.AwardKind;
import ledger.kernel.organisation.UnitAwardGrantedEvent;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.organisation.UnitKind;
import ledger.kernel.organisation.UnitRegisteredEvent;
import ledger.kernel.security.Role;
import ledger.query.SignedInViewTest;
import ledger.store.deadletter.MongoSequencedDeadLetterQueue;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import ledger.store.StoreConnection;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.test.context.TestPropertySource;

/**
 * A view whose handler fails for chosen units, on the real processors and queue: the failing
 * unit's events are parked while the view goes on, and an administrator sees, retries or evicts them.
 */
@Import(DeadLetterAdminIntegrationTest.Probe.class)
@TestPropertySource(properties = {
        "axon.eventhandling.processors.dead-letter-probe.mode=pooled",
        "axon.eventhandling.processors.dead-letter-probe.initial-segment-count=2",
        "axon.eventhandling.processors.dead-letter-probe.batch-size=10",
        // the tests run the retry schedule themselves
        "ledger.query.dead-letter-retry-interval=1h"})
class DeadLetterAdminIntegrationTest extends SignedInViewTest {

    private static final Instant NOW = Instant.parse("2026-12-20T02:00:00Z");
    private static final String GROUP = "dead-letter-probe";
    private static final String ADMIN_GROUP = "/api/admin/dead-letters/" + GROUP;

    /**
     * A view that refuses the units named in {@link #refused}, and fails the next few events of those
     * in {@link #storeTimeouts} as a store outage would; records what it applied as unit#seq@position,
     * each once (a batch handled again after a failure brings events it already applied, which a
     * view takes as it would take them the first time).
     */
    @Component
    @ProcessingGroup(GROUP)
    static class Probe {
        final Set<String> refused = ConcurrentHashMap.newKeySet();
        final Map<String, AtomicInteger> storeTimeouts = new ConcurrentHashMap<>();
        final List<String> applied = new CopyOnWriteArrayList<>();
        final List<Instant> timedOutAt = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(UnitRegisteredEvent event, @SequenceNumber long sequence, TrackingToken token) {
            apply(event.unitId().value(), sequence, token);
        }

        @EventHandler
        void on(UnitAwardGrantedEvent event, @SequenceNumber long sequence, TrackingToken token) {
            apply(event.unitId().value(), sequence, token);
        }

        private void apply(String unit, long sequence, TrackingToken token) {
            if (refused.contains(unit)) {
                throw new IllegalStateException("probe refuses " + unit + " #" + sequence);
            }
            AtomicInteger timeouts = storeTimeouts.get(unit);
            if (timeouts != null && timeouts.getAndDecrement() > 0) {
                timedOutAt.add(Instant.now());
                throw new DataAccessResourceFailureException("Timed out after 1000 ms while waiting for a server",
                        new MongoTimeoutException("Timed out while waiting for a server (probe)"));
            }
            String entry = unit + "#" + sequence + "@" + token.position().orElseThrow();
            if (!applied.contains(entry)) {
                applied.add(entry);
            }
        }

        @ResetHandler
        void reset() {
            applied.clear();
        }

        List<String> appliedFor(String unit) {
            return applied.stream().filter(entry -> entry.startsWith(unit + "#")).toList();
        }
    }

    @Autowired
    Probe probe;
    @Autowired
    MongoClient client;
    @Autowired
    StoreConnection connection;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ViewPositions positions;
    @Autowired
    ScheduledRetries scheduledRetries;

    /** Publishes one event of the unit and answers "unit#seq@position", as the probe records it. */
    private String publish(String unit, long sequence, Object event) {
        events.publish(new GenericDomainEventMessage<>("Unit", unit, sequence, event));
        return unit + "#" + sequence + "@" + engine.lastReservedPosition();
    }

    private String registered(String unit) {
        return publish(unit, 0, new UnitRegisteredEvent(new UnitId(unit), "处室 " + unit, UnitKind.DIVISION, false, NOW));
    }

    private String award(String unit, long sequence) {
        return publish(unit, sequence, new UnitAwardGrantedEvent(new UnitId(unit), AwardKind.CIVILISED_UNIT,
                2020 + (int) sequence, "文明处室", NOW));
    }

    private Map<String, Object> probeGroup() {
        return as(Role.ADMIN).getForObject(ADMIN_GROUP, Map.class);
    }

    private List<Map<String, Object>> lettersOf(String unit) {
        return ((List<Map<String, Object>>) probeGroup().get("sequences")).stream()
                .filter(sequence -> unit.equals(sequence.get("sequenceId")))
                .flatMap(sequence -> ((List<Map<String, Object>>) sequence.get("letters")).stream())
                .toList();
    }

    private static void eventually(Runnable assertion) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).untilAsserted(assertion::run);
    }

    private static long position(String recorded) {
        return Long.parseLong(recorded.substring(recorded.indexOf('@') + 1));
    }

    @Test
    void a_failing_event_parks_its_unit_while_the_view_goes_on_and_a_retry_applies_the_parked_events_in_order() {
        String broken = "unit-dlq-broken";
        String fine = "unit-dlq-fine";
        probe.refused.add(broken);

        String b0 = registered(broken);
        String f0 = registered(fine);
        String b1 = award(broken, 1);
        String f1 = award(fine, 1);

        eventually(() -> {
            assertThat(probe.appliedFor(fine)).containsExactly(f0, f1);
            assertThat(lettersOf(broken)).hasSize(2);
        });
        assertThat(probe.appliedFor(broken)).isEmpty();
        List<Map<String, Object>> letters = lettersOf(broken);
        assertThat(letters.get(0)).containsEntry("type", "UnitRegisteredEvent").containsEntry("aggregateType", "Unit")
                .containsEntry("aggregateId", broken).containsEntry("aggregateSequence", 0)
                .containsEntry("position", (int) position(b0)).containsKeys("eventId", "enqueuedAt", "lastTouched")
                .containsEntry("cause", Map.of("type", IllegalStateException.class.getName(),
                        "message", "probe refuses " + broken + " #0"));
        // the second was never tried: it is parked behind the first
        assertThat(letters.get(1)).containsEntry("type", "UnitAwardGrantedEvent").containsEntry("aggregateSequence", 1)
                .containsEntry("position", (int) position(b1)).containsEntry("cause", null);
        List<Map<String, Object>> all = as(Role.ADMIN).getForObject("/api/admin/dead-letters", List.class);
        assertThat(all).extracting(g -> g.get("group"))
                .contains("bulletins", "cadre-records", GROUP, "ledger", "unit-records");
        assertThat(all).filteredOn(g -> GROUP.equals(g.get("group"))).singleElement()
                .satisfies(g -> assertThat(g).containsEntry("sequenceCount", 1).containsEntry("letterCount", 2));

        String b2 = award(broken, 2);
        eventually(() -> assertThat(lettersOf(broken)).hasSize(3));

        Map<String, Object> stillBroken = as(Role.ADMIN).postForObject(ADMIN_GROUP + "/retries", null, Map.class);

        assertThat(stillBroken).containsEntry("retried", 1).containsEntry("resolved", 0).containsEntry("stillFailing", 1);
        assertThat((List<Map<String, Object>>) stillBroken.get("sequences")).singleElement().satisfies(s -> assertThat(s)
                .containsEntry("sequenceId", broken).containsEntry("outcome", "STILL_FAILING").containsEntry("remaining", 3));
        assertThat(probe.appliedFor(broken)).isEmpty();

        probe.refused.remove(broken);
        Map<String, Object> fixed = as(Role.ADMIN).postForObject(ADMIN_GROUP + "/retries?sequence=" + broken, null, Map.class);

        assertThat(fixed).containsEntry("retried", 1).containsEntry("resolved", 1).containsEntry("stillFailing", 0);
        assertThat(probe.appliedFor(broken)).containsExactly(b0, b1, b2);
        assertThat(probeGroup()).containsEntry("sequenceCount", 0).containsEntry("letterCount", 0);

        String b3 = award(broken, 3);
        eventually(() -> assertThat(probe.appliedFor(broken)).containsExactly(b0, b1, b2, b3));
        assertThat(lettersOf(broken)).isEmpty();
    }

    @Test
    void a_rebuild_empties_the_queue_and_handles_the_parked_events_afresh() {
        String unit = "unit-dlq-rebuilt";
        probe.refused.add(unit);
        String registered = registered(unit);
        eventually(() -> assertThat(lettersOf(unit)).hasSize(1));

        probe.refused.remove(unit);
        assertThat(as(Role.ADMIN).postForEntity("/api/admin/processors/" + GROUP + "/rebuild", null, Map.class)
                .getStatusCode().value()).isEqualTo(202);

        eventually(() -> assertThat(probe.appliedFor(unit)).containsExactly(registered));
        assertThat(lettersOf(unit)).isEmpty();
    }

    @Test
    void a_rebuild_while_another_instance_holds_a_segment_is_refused_before_anything_is_emptied() {
        String unit = "unit-dlq-held";
        probe.refused.add(unit);
        registered(unit);
        eventually(() -> assertThat(lettersOf(unit)).hasSize(1));
        int appliedBefore = probe.applied.size();
        MongoCollection<org.bson.Document> tokens = client.getDatabase(connection.database()).getCollection("trackingtokens");
        var segment = Filters.and(Filters.eq("processorName", GROUP), Filters.eq("segment", 0));
        tokens.updateOne(segment, Updates.combine(Updates.set("owner", "other-instance@elsewhere"),
                Updates.set("timestamp", System.currentTimeMillis() + 60_000)));
        try {
            ResponseEntity<Map> refused = as(Role.ADMIN).postForEntity("/api/admin/processors/" + GROUP + "/rebuild",
                    null, Map.class);

            assertThat(refused.getStatusCode().value()).isEqualTo(409);
            assertThat(String.valueOf(refused.getBody())).contains("REBUILD_REFUSED", "other-instance@elsewhere");
            assertThat(lettersOf(unit)).hasSize(1);
            assertThat(probe.applied.size()).isGreaterThanOrEqualTo(appliedBefore);
        } finally {
            // the claim is given up, so this instance takes the segment back
            tokens.updateOne(segment, Updates.set("owner", null));
            probe.refused.remove(unit);
        }
    }

    @Test
    void an_administrator_evicts_one_parked_event_or_a_whole_sequence() {
        String unit = "unit-dlq-evicted";
        probe.refused.add(unit);
        registered(unit);
        award(unit, 1);
        award(unit, 2);
        eventually(() -> assertThat(lettersOf(unit)).hasSize(3));
        String firstEventId = (String) lettersOf(unit).get(0).get("eventId");

        ResponseEntity<Void> one = as(Role.ADMIN).exchange(ADMIN_GROUP + "/" + unit + "/" + firstEventId,
                HttpMethod.DELETE, null, Void.class);

        assertThat(one.getStatusCode().value()).isEqualTo(204);
        assertThat(lettersOf(unit)).extracting(l -> l.get("aggregateSequence")).containsExactly(1, 2);

        ResponseEntity<Void> rest = as(Role.ADMIN).exchange(ADMIN_GROUP + "/" + unit, HttpMethod.DELETE, null, Void.class);
        ResponseEntity<String> again = as(Role.ADMIN).exchange(ADMIN_GROUP + "/" + unit, HttpMethod.DELETE, null,
                String.class);

        assertThat(rest.getStatusCode().value()).isEqualTo(204);
        assertThat(lettersOf(unit)).isEmpty();
        assertThat(again.getStatusCode().value()).isEqualTo(404);
        assertThat(again.getBody()).contains("\"code\":\"UNKNOWN_RESOURCE\"");
        assertThat(probe.appliedFor(unit)).isEmpty();

        // given up means given up: the next event is applied directly, the evicted ones never
        probe.refused.remove(unit);
        String next = award(unit, 3);
        eventually(() -> assertThat(probe.appliedFor(unit)).containsExactly(next));
    }

    @Test
    void unknown_groups_and_sequences_are_404_problems() {
        var admin = as(Role.ADMIN);

        List<ResponseEntity<String>> answers = List.of(
                admin.getForEntity("/api/admin/dead-letters/no-such-view", String.class),
                admin.postForEntity("/api/admin/dead-letters/no-such-view/retries", null, String.class),
                admin.exchange("/api/admin/dead-letters/no-such-view/task-1", HttpMethod.DELETE, null, String.class),
                admin.postForEntity(ADMIN_GROUP + "/retries?sequence=unit-nothing-parked", null, String.class),
                admin.exchange(ADMIN_GROUP + "/unit-nothing-parked/event-1", HttpMethod.DELETE, null, String.class));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.getStatusCode().value()).isEqualTo(404);
            assertThat(answer.getBody()).contains("\"code\":\"UNKNOWN_RESOURCE\"");
        });
    }

    @Test
    void only_an_administrator_may_see_retry_or_evict_dead_letters() {
        for (Role role : EnumSet.complementOf(EnumSet.of(Role.ADMIN))) {
            if (!Role.SIGN_IN_ROLES.contains(role)) {
                continue;
            }
            var caller = as(role);
            assertThat(List.of(
                    caller.getForEntity("/api/admin/dead-letters", String.class).getStatusCode().value(),
                    caller.getForEntity(ADMIN_GROUP, String.class).getStatusCode().value(),
                    caller.postForEntity(ADMIN_GROUP + "/retries", null, String.class).getStatusCode().value(),
                    caller.exchange(ADMIN_GROUP + "/unit-x", HttpMethod.DELETE, null, String.class).getStatusCode().value(),
                    caller.exchange(ADMIN_GROUP + "/unit-x/event-1", HttpMethod.DELETE, null, String.class)
                          .getStatusCode().value()))
                    .as(role.name()).containsOnly(403);
        }
        assertThat(http.postForEntity(ADMIN_GROUP + "/retries", null, String.class).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void a_store_timeout_is_not_parked_the_processor_handles_the_event_again_after_a_back_off() {
        String unit = "unit-dlq-timeout";
        probe.storeTimeouts.put(unit, new AtomicInteger(2));

        String r0 = registered(unit);
        String r1 = award(unit, 1);

        eventually(() -> assertThat(probe.appliedFor(unit)).containsExactly(r0, r1));
        assertThat(lettersOf(unit)).isEmpty();
        assertThat(probe.timedOutAt).hasSize(2);
        // the pooled processor claims the failed segment again after 1 s, then after 2 s
        assertThat(Duration.between(probe.timedOutAt.get(0), probe.timedOutAt.get(1))).isGreaterThanOrEqualTo(
                Duration.ofMillis(900));
        positions.awaitPosition(GROUP, position(r1), List.of(unit));
        probe.storeTimeouts.remove(unit);
    }

    @Test
    void a_parked_event_keeps_reads_for_its_position_out_and_the_processor_from_caught_up_until_the_schedule_retries_it() {
        String broken = "unit-dlq-scheduled";
        String fine = "unit-dlq-scheduled-fine";
        processing.deadLetterQueue(GROUP).orElseThrow().clear(); // what other tests left parked
        probe.refused.add(broken);
        String b0 = registered(broken);
        String b1 = award(broken, 1);
        String f0 = registered(fine);
        eventually(() -> {
            assertThat(lettersOf(broken)).hasSize(2);
            assertThat(probe.appliedFor(fine)).containsExactly(f0);
        });

        Map<String, Object> processor = processorView(GROUP);
        assertThat(processor).containsEntry("caughtUp", false).containsEntry("parkedSequences", 1)
                .containsEntry("parkedEvents", 2);
        assertThat((List<Map<String, Object>>) processor.get("parked")).singleElement().satisfies(parked -> assertThat(parked)
                .containsEntry("aggregateId", broken).containsEntry("events", 2)
                .containsEntry("firstPosition", (int) position(b0)));
        long at = position(f0);
        long started = System.nanoTime();
        assertThatThrownBy(() -> positions.awaitPosition(GROUP, at))
                .isInstanceOfSatisfying(LedgerException.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo(ErrorCode.VIEW_EVENT_PARKED);
                    assertThat(refusal.getMessage()).contains(broken);
                    assertThat(refusal.retryAfter()).hasValue(Duration.ofHours(1));
                    assertThat((List<Map<String, Object>>) refusal.properties().get("parked")).singleElement()
                            .satisfies(parked -> assertThat(parked).containsEntry("aggregateId", broken));
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("refused without waiting out the bounded wait")
                .isLessThan(Duration.ofSeconds(2));
        // a read about another aggregate is not held up; one before the parked events neither
        positions.awaitPosition(GROUP, at, List.of(fine));
        positions.awaitPosition(GROUP, position(b0) - 1);

        probe.refused.remove(broken);
        scheduledRetries.retryParkedEvents();

        assertThat(probe.appliedFor(broken)).containsExactly(b0, b1);
        assertThat(lettersOf(broken)).isEmpty();
        positions.awaitPosition(GROUP, at);
        eventually(() -> assertThat(processorView(GROUP)).containsEntry("caughtUp", true).containsEntry("parkedEvents", 0));
    }

    @Test
    void a_read_for_a_position_answers_503_naming_the_parked_task_with_retry_after() {
        String parkedTask = "task-dlq-parked";
        registered("unit-dlq-before-parked");
        long position = engine.lastReservedPosition();
        var event = new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(position),
                new GenericDomainEventMessage<>("Task", parkedTask, 0,
                        new ProgressReportedEvent(new TaskId(parkedTask), 10, "起步", NOW, null)));
        processing.deadLetterQueue("ledger").orElseThrow().enqueue(parkedTask, new GenericDeadLetter<>(parkedTask, event,
                new IllegalStateException("the ledger refuses it")));
        try {
            ResponseEntity<Map> month = as(Role.BUREAU_OFFICE).getForEntity("/api/ledger/2026-12?minPosition=" + position,
                    Map.class);
            ResponseEntity<Map> otherTask = as(Role.BUREAU_OFFICE).getForEntity("/api/tasks/task-dlq-elsewhere?minPosition="
                    + position, Map.class);

            assertThat(month.getStatusCode().value()).isEqualTo(503);
            assertThat(month.getHeaders().getFirst("Retry-After")).isEqualTo("3600");
            assertThat(month.getBody()).containsEntry("code", "VIEW_EVENT_PARKED").containsEntry("processor", "ledger");
            assertThat((String) month.getBody().get("detail")).contains(parkedTask);
            assertThat((List<Map<String, Object>>) month.getBody().get("parked")).singleElement().satisfies(parked ->
                    assertThat(parked).containsEntry("aggregateId", parkedTask).containsEntry("firstPosition", (int) position));
            // a task read concerns that task only: another task's parked events do not hold it up
            assertThat(otherTask.getStatusCode().value()).isEqualTo(404);
            assertThat(processorView("ledger")).containsEntry("caughtUp", false).containsEntry("parkedEvents", 1);
        } finally {
            as(Role.ADMIN).delete("/api/admin/dead-letters/ledger/" + parkedTask);
        }
        assertThat(as(Role.BUREAU_OFFICE).getForEntity("/api/ledger/2026-12?minPosition=" + position, Map.class)
                .getStatusCode().value()).isEqualTo(200);
    }

    private Map<String, Object> processorView(String name) {
        List<Map<String, Object>> processors = as(Role.ADMIN).getForObject("/api/admin/processors", List.class);
        return processors.stream().filter(p -> name.equals(p.get("name"))).findFirst().orElseThrow();
    }

    @Test
    void every_view_dead_letters_into_mongodb_per_aggregate() {
        for (String group : List.of("ledger", "cadre-records", "unit-records", "bulletins", "audit-index", GROUP)) {
            assertThat(processing.deadLetterQueue(group)).as(group).containsInstanceOf(MongoSequencedDeadLetterQueue.class);
            assertThat(processing.sequencingPolicy(group)).as(group).isSameAs(SequentialPerAggregatePolicy.instance());
            assertThat(processing.sequencedDeadLetterProcessor(group)).as(group).isPresent();
        }
    }
}
