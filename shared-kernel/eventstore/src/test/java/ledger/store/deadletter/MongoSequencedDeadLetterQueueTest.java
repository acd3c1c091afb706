package ledger.store.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import ledger.store.MongoEventStorageEngine;
import ledger.store.TestStore;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.DeadLetterQueueOverflowException;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.NoSuchDeadLetterException;
import org.axonframework.messaging.deadletter.WrongDeadLetterTypeException;
import org.axonframework.serialization.Revision;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The queue's promises, on the embedded memory backend (or CONTRACT_MONGODB_URI when set). */
class MongoSequencedDeadLetterQueueTest {

    @Revision("1")
    record Noted(String notebookId, long number, String text) {
    }

    @Revision("1")
    record Announced(String text) {
    }

    /** A clock the test moves, so claim timeouts and touch order do not depend on the machine. */
    static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-03-01T08:00:00.123456Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private TestStore store;
    private MongoClient client;
    private MongoDatabase database;
    private final TestClock clock = new TestClock();
    private MongoSequencedDeadLetterQueue queue;

    @BeforeEach
    void open() {
        store = TestStore.inMemory();
        client = store.newClient();
        database = client.getDatabase(store.databaseName());
        queue = queue("views", "node-a", 1024, 1024);
    }

    @AfterEach
    void close() {
        client.close();
        store.close();
    }

    private MongoSequencedDeadLetterQueue queue(String group, String node, int maxSequences, int maxSequenceSize) {
        return MongoSequencedDeadLetterQueue.builder().processingGroup(group).database(database)
                .serializer(TestStore.serializer()).clock(clock).nodeId(node).claimTimeout(Duration.ofSeconds(30))
                .maxSequences(maxSequences).maxSequenceSize(maxSequenceSize).build();
    }

    private static GenericTrackedDomainEventMessage<Noted> noted(String notebook, long sequence, long position) {
        return new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(position),
                new GenericDomainEventMessage<>("Notebook", notebook, sequence, new Noted(notebook, sequence, "第" + sequence + "条"),
                        MetaData.from(Map.of("actorId", "tester"))));
    }

    private DeadLetter<EventMessage<?>> failed(EventMessage<?> message, String why) {
        return new GenericDeadLetter<>(sequenceOf(message), message, new IllegalStateException(why));
    }

    private static String sequenceOf(EventMessage<?> message) {
        return message instanceof DomainEventMessage<?> d ? d.getAggregateIdentifier() : message.getIdentifier();
    }

    private void enqueue(EventMessage<?> message, String why) {
        queue.enqueue(sequenceOf(message), failed(message, why));
        clock.advance(Duration.ofSeconds(1));
    }

    /** Dead-letters each message, a second apart, for the same reason; answers their event ids. */
    private List<String> parked(EventMessage<?>... messages) {
        List<String> ids = new ArrayList<>();
        for (EventMessage<?> message : messages) {
            enqueue(message, "boom");
            ids.add(message.getIdentifier());
        }
        return ids;
    }

    static List<String> eventIds(Iterable<DeadLetter<? extends EventMessage<?>>> letters) {
        List<String> ids = new ArrayList<>();
        letters.forEach(l -> ids.add(l.message().getIdentifier()));
        return ids;
    }

    static Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> recording(
            List<String> handled) {
        return letter -> {
            handled.add(letter.message().getIdentifier());
            return Decisions.evict();
        };
    }

    @Test
    void keeps_the_letters_of_a_sequence_in_the_order_they_came_and_sequences_apart() {
        var a0 = noted("a", 0, 1);
        var b0 = noted("b", 0, 2);
        var a1 = noted("a", 1, 3);
        enqueue(a0, "boom");
        enqueue(b0, "boom");
        queue.enqueue("a", new GenericDeadLetter<>("a", a1));

        assertThat(eventIds(queue.deadLetterSequence("a"))).containsExactly(a0.getIdentifier(), a1.getIdentifier());
        assertThat(eventIds(queue.deadLetterSequence("b"))).containsExactly(b0.getIdentifier());
        assertThat(queue.deadLetterSequence("a")).extracting(l -> ((MongoDeadLetter<?>) l).index()).containsExactly(0L, 1L);
        assertThat(queue.deadLetterSequence("nobody")).isEmpty();
        List<List<String>> all = new ArrayList<>();
        queue.deadLetters().forEach(sequence -> all.add(eventIds(sequence)));
        assertThat(all).containsExactly(List.of(a0.getIdentifier(), a1.getIdentifier()), List.of(b0.getIdentifier()));
    }

    @Test
    void enqueue_if_present_adds_a_letter_only_behind_a_sequence_already_held() {
        enqueue(noted("a", 0, 1), "boom");

        boolean behindA = queue.enqueueIfPresent("a", () -> new GenericDeadLetter<>("a", noted("a", 1, 2)));
        boolean forB = queue.enqueueIfPresent("b", () -> new GenericDeadLetter<>("b", noted("b", 0, 3)));

        assertThat(behindA).isTrue();
        assertThat(forB).isFalse();
        assertThat(queue.sequenceSize("a")).isEqualTo(2);
        assertThat(queue.contains("b")).isFalse();
        assertThat(queue.deadLetterSequence("a")).last().satisfies(l -> assertThat(l.cause()).isEmpty());
    }

    @Test
    void an_event_already_parked_is_not_parked_again_when_its_batch_is_handled_a_second_time() {
        var a0 = noted("a", 0, 1);
        var a1 = noted("a", 1, 2);
        enqueue(a0, "boom");
        queue.enqueueIfPresent("a", () -> new GenericDeadLetter<>("a", a1));

        // the batch failed after both were parked (a store timeout on a later event) and is handled again
        boolean again = queue.enqueueIfPresent("a", () -> new GenericDeadLetter<>("a", a0));
        queue.enqueueIfPresent("a", () -> new GenericDeadLetter<>("a", a1));

        assertThat(again).isTrue();
        assertThat(eventIds(queue.deadLetterSequence("a"))).containsExactly(a0.getIdentifier(), a1.getIdentifier());
    }

    @Test
    void says_which_sequences_hold_events_at_or_before_a_position_and_whether_one_is_being_retried() {
        enqueue(noted("a", 0, 5), "boom");
        queue.enqueueIfPresent("a", () -> new GenericDeadLetter<>("a", noted("a", 1, 9)));
        enqueue(noted("b", 0, 7), "boom");

        assertThat(queue.parkedUpTo(4, null)).isEmpty();
        assertThat(queue.parkedUpTo(5, null)).singleElement()
                .isEqualTo(new MongoSequencedDeadLetterQueue.ParkedSequence("a", 1, 5L, false));
        assertThat(queue.parkedUpTo(9, null)).containsExactly(
                new MongoSequencedDeadLetterQueue.ParkedSequence("a", 2, 5L, false),
                new MongoSequencedDeadLetterQueue.ParkedSequence("b", 1, 7L, false));
        assertThat(queue.parkedUpTo(9, List.of("b", "c"))).extracting(p -> p.sequenceIdentifier()).containsExactly("b");
        assertThat(queue.parkedUpTo(9, List.of())).isEmpty();

        AtomicReference<List<MongoSequencedDeadLetterQueue.ParkedSequence>> whileRetried = new AtomicReference<>();
        queue.process(letter -> ((MongoDeadLetter<?>) letter).sequenceIdentifier().equals("b"), letter -> {
            whileRetried.set(queue.parkedUpTo(9, List.of("b")));
            return Decisions.evict();
        });
        assertThat(whileRetried.get()).singleElement().satisfies(p -> assertThat(p.beingRetried()).isTrue());
        assertThat(queue.parkedUpTo(9, List.of("b"))).isEmpty();
    }

    @Test
    void processing_evicts_each_letter_that_succeeds_and_goes_on_to_the_next_of_the_sequence() {
        List<String> a = parked(noted("a", 0, 1), noted("a", 1, 2), noted("a", 2, 3));
        List<String> handled = new ArrayList<>();

        boolean whole = queue.process(letter -> true, recording(handled));

        assertThat(whole).isTrue();
        assertThat(handled).isEqualTo(a);
        assertThat(queue.contains("a")).isFalse();
        assertThat(queue.size()).isZero();
        assertThat(queue.process(letter -> true, recording(handled))).isFalse();
    }

    @Test
    void a_failure_requeues_the_letter_with_its_new_cause_and_stops_the_sequence_there() {
        List<String> a = parked(noted("a", 0, 1), noted("a", 1, 2), noted("a", 2, 3));
        clock.advance(Duration.ofMinutes(5));
        List<String> handled = new ArrayList<>();

        boolean whole = queue.process(letter -> true, letter -> {
            handled.add(letter.message().getIdentifier());
            if (letter.message().getIdentifier().equals(a.get(1))) {
                return Decisions.requeue(new IllegalArgumentException("still broken"),
                        l -> l.diagnostics().and("retries", 1));
            }
            return Decisions.evict();
        });

        assertThat(whole).isFalse();
        assertThat(handled).isEqualTo(a.subList(0, 2));
        List<DeadLetter<? extends EventMessage<?>>> left = new ArrayList<>();
        queue.deadLetterSequence("a").forEach(left::add);
        assertThat(eventIds(left)).isEqualTo(a.subList(1, 3));
        DeadLetter<? extends EventMessage<?>> requeued = left.get(0);
        assertThat(requeued.cause()).hasValueSatisfying(cause -> {
            assertThat(cause.type()).isEqualTo(IllegalArgumentException.class.getName());
            assertThat(cause.message()).isEqualTo("still broken");
        });
        assertThat(requeued.diagnostics()).containsEntry("retries", 1);
        assertThat(requeued.lastTouched()).isEqualTo(clock.instant().truncatedTo(ChronoUnit.MILLIS));
        assertThat(left.get(1).cause()).hasValueSatisfying(cause -> assertThat(cause.message()).isEqualTo("boom"));
        // the claim was let go: the sequence can be processed again at once
        assertThat(queue.process(letter -> true, recording(handled))).isTrue();
        assertThat(queue.size()).isZero();
    }

    @Test
    void processes_one_matching_sequence_the_one_touched_longest_ago_first() {
        List<String> firsts = parked(noted("a", 0, 1), noted("b", 0, 2), noted("c", 0, 3));
        List<String> handled = new ArrayList<>();

        queue.process(letter -> !letter.message().getIdentifier().equals(firsts.get(0)), recording(handled));
        queue.process(letter -> true, recording(handled));

        assertThat(handled).containsExactly(firsts.get(1), firsts.get(0));
        assertThat(queue.contains("c")).isTrue();
        assertThat(queue.process(letter -> false, recording(handled))).isFalse();
        assertThat(queue.contains("c")).isTrue();
    }

    @Test
    void evicts_a_single_letter_and_refuses_letters_it_did_not_store() {
        var a0 = noted("a", 0, 1);
        var a1 = noted("a", 1, 2);
        enqueue(a0, "boom");
        enqueue(a1, "boom");
        DeadLetter<? extends EventMessage<?>> first = queue.deadLetterSequence("a").iterator().next();

        queue.evict(first);
        queue.evict(first); // already gone: nothing happens

        assertThat(eventIds(queue.deadLetterSequence("a"))).containsExactly(a1.getIdentifier());
        assertThatThrownBy(() -> queue.requeue(first, l -> l)).isInstanceOf(NoSuchDeadLetterException.class);
        DeadLetter<EventMessage<?>> foreign = failed(a1, "boom");
        assertThatThrownBy(() -> queue.evict(foreign)).isInstanceOf(WrongDeadLetterTypeException.class);
        assertThatThrownBy(() -> queue.requeue(foreign, l -> l)).isInstanceOf(WrongDeadLetterTypeException.class);
    }

    @Test
    void clear_empties_its_own_processing_group_only() {
        MongoSequencedDeadLetterQueue other = queue("other-views", "node-a", 1024, 1024);
        enqueue(noted("a", 0, 1), "boom");
        other.enqueue("a", failed(noted("a", 0, 1), "boom"));

        queue.clear();

        assertThat(queue.size()).isZero();
        assertThat(queue.amountOfSequences()).isZero();
        assertThat(other.size()).isEqualTo(1);
    }

    @Test
    void counts_letters_and_sequences_and_is_full_at_its_limits() {
        queue = queue("views", "node-a", 2, 3);
        enqueue(noted("a", 0, 1), "boom");
        enqueue(noted("a", 1, 2), "boom");
        enqueue(noted("b", 0, 3), "boom");

        assertThat(queue.size()).isEqualTo(3);
        assertThat(queue.sequenceSize("a")).isEqualTo(2);
        assertThat(queue.sequenceSize("c")).isZero();
        assertThat(queue.amountOfSequences()).isEqualTo(2);
        assertThat(queue.isFull("a")).isFalse();
        assertThat(queue.isFull("c")).isTrue(); // a third sequence would exceed maxSequences

        enqueue(noted("a", 2, 4), "boom");

        assertThat(queue.isFull("a")).isTrue();
        assertThatThrownBy(() -> queue.enqueue("a", failed(noted("a", 3, 5), "boom")))
                .isInstanceOf(DeadLetterQueueOverflowException.class);
        assertThatThrownBy(() -> queue.enqueue("c", failed(noted("c", 0, 6), "boom")))
                .isInstanceOf(DeadLetterQueueOverflowException.class);
        assertThat(queue.size()).isEqualTo(4);
    }

    @Test
    void a_sequence_being_processed_by_one_instance_is_not_taken_by_another_until_the_claim_times_out() {
        MongoSequencedDeadLetterQueue otherInstance;
        try (MongoClient otherClient = store.newClient()) {
            otherInstance = MongoSequencedDeadLetterQueue.builder().processingGroup("views")
                    .database(otherClient.getDatabase(store.databaseName())).serializer(TestStore.serializer())
                    .clock(clock).nodeId("node-b").claimTimeout(Duration.ofSeconds(30)).build();
            var a0 = noted("a", 0, 1);
            var b0 = noted("b", 0, 2);
            enqueue(a0, "boom");
            enqueue(b0, "boom");
            List<String> seenByOther = new ArrayList<>();
            AtomicBoolean otherGotA = new AtomicBoolean();

            queue.process(letter -> letter.message().getIdentifier().equals(a0.getIdentifier()), letter -> {
                // while this instance works on "a", the other one looks for anything to do
                otherGotA.set(otherInstance.process(l -> l.message().getIdentifier().equals(a0.getIdentifier()),
                        recording(seenByOther)));
                otherInstance.process(l -> true, recording(seenByOther));
                return Decisions.requeue(new IllegalStateException("still failing"));
            });

            assertThat(otherGotA).isFalse();
            assertThat(seenByOther).containsExactly(b0.getIdentifier());
        }
    }

    @Test
    void a_claim_left_by_an_instance_that_died_is_taken_over_after_the_timeout() {
        var a0 = noted("a", 0, 1);
        enqueue(a0, "boom");
        // what an instance that died in the middle of processing leaves behind
        database.getCollection(MongoSequencedDeadLetterQueue.COLLECTION).updateOne(new Document("sequenceIdentifier", "a"),
                new Document("$set", new Document("claimedAt", Date.from(clock.instant())).append("claimedBy", "node-dead")));
        List<String> handled = new ArrayList<>();

        boolean whileHeld = queue.process(letter -> true, recording(handled));
        clock.advance(Duration.ofSeconds(31));
        boolean afterTimeout = queue.process(letter -> true, recording(handled));

        assertThat(whileHeld).isFalse();
        assertThat(afterTimeout).isTrue();
        assertThat(handled).containsExactly(a0.getIdentifier());
    }

    @Test
    void a_task_that_throws_lets_go_of_its_claim() {
        enqueue(noted("a", 0, 1), "boom");
        List<String> handled = new ArrayList<>();

        assertThatThrownBy(() -> queue.process(letter -> true, letter -> {
            throw new IllegalStateException("the task itself broke");
        })).hasMessage("the task itself broke");

        assertThat(queue.process(letter -> true, recording(handled))).isTrue();
        assertThat(handled).hasSize(1);
    }

    @Test
    void a_retried_letter_is_the_same_tracked_domain_event_with_payload_metadata_and_token() {
        Instant at = Instant.parse("2026-03-01T07:59:58.123456789Z");
        GenericTrackedDomainEventMessage<Noted> original = new GenericTrackedDomainEventMessage<>(
                new GlobalSequenceTrackingToken(42),
                new GenericDomainEventMessage<>("Notebook", "nb-7", 3, new Noted("nb-7", 3, "第3条"),
                        MetaData.from(Map.of("actorId", "cadre-1", "role", "UNIT_STAFF")), "event-nb-7-3", at));
        enqueue(original, "boom");
        AtomicReference<EventMessage<?>> retried = new AtomicReference<>();

        queue.process(letter -> true, letter -> {
            retried.set(letter.message());
            return Decisions.evict();
        });

        assertThat(retried.get()).isInstanceOf(TrackedEventMessage.class)
                .isInstanceOfSatisfying(GenericTrackedDomainEventMessage.class, m -> {
            assertThat(m.trackingToken()).isEqualTo(new GlobalSequenceTrackingToken(42));
            assertThat(m.getType()).isEqualTo("Notebook");
            assertThat(m.getAggregateIdentifier()).isEqualTo("nb-7");
            assertThat(m.getSequenceNumber()).isEqualTo(3);
            assertThat(m.getIdentifier()).isEqualTo("event-nb-7-3");
            assertThat(m.getTimestamp()).isEqualTo(at);
            assertThat(m.getPayload()).isEqualTo(new Noted("nb-7", 3, "第3条"));
            assertThat(m.getPayloadType()).isEqualTo(Noted.class);
            assertThat(m.getMetaData()).containsEntry("actorId", "cadre-1").containsEntry("role", "UNIT_STAFF");
        });
    }

    @Test
    void a_plain_event_comes_back_plain_and_the_stored_letter_is_readable() {
        EventMessage<Announced> announced = GenericEventMessage.asEventMessage(new Announced("全局通知"));
        enqueue(announced, "boom");

        EventMessage<?> back = queue.deadLetterSequence(announced.getIdentifier()).iterator().next().message();
        Document stored = database.getCollection(MongoSequencedDeadLetterQueue.COLLECTION).find().first();

        assertThat(back).isNotInstanceOf(DomainEventMessage.class).isNotInstanceOf(TrackedEventMessage.class);
        assertThat(back.getPayload()).isEqualTo(new Announced("全局通知"));
        assertThat(back.getTimestamp()).isEqualTo(announced.getTimestamp());
        assertThat(stored.get("payload", Document.class)).containsEntry("text", "全局通知");
        assertThat(stored.get("cause", Document.class)).containsEntry("type", IllegalStateException.class.getName())
                .containsEntry("message", "boom");
        assertThat(stored).containsEntry("processingGroup", "views").containsKeys("enqueuedAt", "lastTouched");
    }

    @Test
    void an_event_of_no_aggregate_read_from_the_store_is_parked_without_an_aggregate() {
        MongoEventStorageEngine engine = store.engineBuilder(client).build();
        engine.appendEvents(GenericEventMessage.asEventMessage(new Announced("停电通知")));
        TrackedEventMessage<?> read = engine.readEvents(null, false).findFirst().orElseThrow();
        enqueue(read, "boom");

        EventMessage<?> back = queue.deadLetterSequence(read.getIdentifier()).iterator().next().message();
        Document stored = database.getCollection(MongoSequencedDeadLetterQueue.COLLECTION).find().first();

        assertThat(stored).doesNotContainKeys("aggregateId", "aggregateType", "aggregateSequence");
        assertThat(back).isInstanceOf(TrackedEventMessage.class).isNotInstanceOf(DomainEventMessage.class);
        assertThat(((TrackedEventMessage<?>) back).trackingToken()).isEqualTo(read.trackingToken());
    }
}
