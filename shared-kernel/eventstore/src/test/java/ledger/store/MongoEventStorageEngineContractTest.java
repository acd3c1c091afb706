package ledger.store;

import static ledger.store.Fixtures.announced;
import static ledger.store.Fixtures.noted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promises of the storage engine, run once per kind of server (EmbeddedMemoryContractTest, EmbeddedH2ContractTest); set
 * CONTRACT_MONGODB_URI to run the suite against a real MongoDB as well.
 */
abstract class MongoEventStorageEngineContractTest {

    @TempDir
    Path storeDir;

    private TestStore store;
    private MongoClient client;
    private MongoEventStorageEngine engine;

    /** The server under test; {@code dir} is a fresh folder for a persistent one. */
    abstract TestStore openStore(Path dir);

    @BeforeEach
    void open() {
        store = openStore(storeDir);
        client = store.newClient();
        engine = store.engineBuilder(client).build();
    }

    @AfterEach
    void close() {
        client.close();
        store.close();
    }

    @Test
    void gives_every_event_a_global_position_and_reads_them_in_that_order() {
        engine.appendEvents(noted("a", 0), noted("a", 1));
        engine.appendEvents(announced("全局通知"));
        engine.appendEvents(noted("b", 0));

        List<TrackedEventMessage<?>> read = readAll(engine, null);

        assertThat(read).extracting(m -> (Object) m.getPayload()).containsExactly(
                new Fixtures.Noted("a", 0, "第0条"), new Fixtures.Noted("a", 1, "第1条"),
                new Fixtures.Announced("全局通知"), new Fixtures.Noted("b", 0, "第0条"));
        assertThat(read).extracting(m -> position(m.trackingToken())).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void reads_a_commit_of_a_thousand_large_events_whole() {
        // each reader window asks for hundreds of positions that the one commit owns; answered once
        // per position, the commit would not fit in a server reply
        String text = "督查".repeat(150);
        List<EventMessage<?>> commit = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            commit.add(announced(text + i));
        }
        engine.appendEvents(commit);
        engine.appendEvents(noted("after", 0));

        List<TrackedEventMessage<?>> read = readAll(engine, null);

        assertThat(read).hasSize(1001);
        assertThat(read.get(999).getPayload()).isEqualTo(new Fixtures.Announced(text + 999));
        assertThat(read).extracting(m -> position(m.trackingToken())).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void resumes_from_any_position_even_inside_a_commit() {
        engine.appendEvents(noted("a", 0), noted("a", 1), noted("a", 2));
        engine.appendEvents(noted("b", 0));

        List<TrackedEventMessage<?>> read = readAll(engine, new GlobalSequenceTrackingToken(2));

        assertThat(read).extracting(m -> position(m.trackingToken())).containsExactly(3L, 4L);
    }

    @Test
    void loads_one_aggregate_in_sequence_order_without_the_others() {
        engine.appendEvents(noted("a", 0));
        engine.appendEvents(noted("b", 0), noted("b", 1));
        engine.appendEvents(noted("a", 1), noted("a", 2));

        List<? extends DomainEventMessage<?>> loaded = engine.readEvents("a").asStream().toList();

        assertThat(loaded).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L);
        assertThat(engine.lastSequenceNumberFor("a")).contains(2L);
        assertThat(engine.lastSequenceNumberFor("nobody")).isEmpty();
    }

    @Test
    void loads_long_aggregates_across_many_batches() {
        for (int i = 0; i < 250; i++) {
            engine.appendEvents(noted("long", i));
        }
        assertThat(engine.readEvents("long").asStream().count()).isEqualTo(250);
        assertThat(engine.readEvents("long", 240).asStream().map(DomainEventMessage::getSequenceNumber).toList())
                .containsExactly(240L, 241L, 242L, 243L, 244L, 245L, 246L, 247L, 248L, 249L);
        assertThat(engine.lastSequenceNumberFor("long")).contains(249L);
    }

    @Test
    void a_second_commit_on_the_same_aggregate_version_is_a_concurrency_conflict() {
        engine.appendEvents(noted("a", 0), noted("a", 1));

        assertThatThrownBy(() -> engine.appendEvents(noted("a", 1)))
                .isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> engine.appendEvents(noted("a", 0)))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(engine.readEvents("a").asStream().map(m -> (Object) m.getPayload()).toList())
                .containsExactly(new Fixtures.Noted("a", 0, "第0条"), new Fixtures.Noted("a", 1, "第1条"));
    }

    @Test
    void racing_writers_on_one_aggregate_one_wins_and_nothing_is_half_written() throws Exception {
        engine.appendEvents(noted("race", 0));
        try (MongoClient otherClient = store.newClient()) {
            MongoEventStorageEngine other = store.engineBuilder(otherClient).build();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (MongoEventStorageEngine writer : List.of(engine, other)) {
                outcomes.add(pool.submit(() -> {
                    try {
                        writer.appendEvents(noted("race", 1), noted("race", 2));
                        return true;
                    } catch (ConcurrencyException lost) {
                        return false;
                    }
                }));
            }
            List<Boolean> results = new ArrayList<>();
            for (Future<Boolean> outcome : outcomes) {
                results.add(outcome.get());
            }
            pool.shutdown();
            assertThat(results).containsExactlyInAnyOrder(true, false);
        }
        assertThat(engine.readEvents("race").asStream().map(DomainEventMessage::getSequenceNumber).toList())
                .containsExactly(0L, 1L, 2L);
        assertThat(readAll(engine, null)).hasSize(3);
    }

    @Test
    void a_commit_under_an_idempotency_key_is_found_by_it_and_no_second_commit_can_take_the_key() {
        engine.appendEvents(noted("x", 0)); // commits without a key never meet in the key's index
        engine.appendEvents(keyed(noted("k", 0), "request-1#0"), keyed(noted("k", 1), "request-1#0"));
        engine.appendEvents(noted("y", 0));

        assertThat(engine.committedUnder("request-1#0"))
                .contains(new CommitReceipt(2, 3, Map.of("k", 1L)));
        assertThat(engine.committedUnder("request-2#0")).isEmpty();
        // a second run of the same request: another aggregate, or the same one, cannot commit (Axon
        // words the refusal as a conflict on the commit's first event)
        assertThatThrownBy(() -> engine.appendEvents(keyed(noted("other", 0), "request-1#0")))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThatThrownBy(() -> engine.appendEvents(keyed(noted("k", 2), "request-1#0")))
                .isInstanceOf(ConcurrencyException.class);
        engine.appendEvents(keyed(noted("k", 2), "request-2#0"));

        assertThat(engine.readEvents("other").asStream()).isEmpty();
        assertThat(readAll(engine, null)).extracting(m -> ((Fixtures.Noted) m.getPayload()).aggregateId())
                .containsExactly("x", "k", "k", "y", "k");
        assertThat(engine.committedUnder("request-1#0")).contains(new CommitReceipt(2, 3, Map.of("k", 1L)));
    }

    @Test
    void a_commit_is_stored_all_or_none_when_one_of_its_aggregates_conflicts() {
        engine.appendEvents(noted("b", 0), noted("b", 1));

        assertThatThrownBy(() -> engine.appendEvents(noted("a", 0), noted("b", 1)))
                .isInstanceOf(ConcurrencyException.class);
        engine.appendEvents(noted("c", 0));

        assertThat(engine.readEvents("a").asStream()).isEmpty();
        // the failed commit voided its own positions, so a reader passes them at once, long before the gap timeout
        assertThat(readAll(engine, null)).extracting(m -> ((Fixtures.Noted) m.getPayload()).aggregateId())
                .containsExactly("b", "b", "c");
    }

    @Test
    void a_writer_that_dies_between_reserving_and_writing_leaves_no_trace_and_blocks_readers_only_for_the_gap_timeout()
            throws InterruptedException {
        MongoEventStorageEngine reader = store.engineBuilder(client).gapTimeout(Duration.ofMillis(300)).build();
        engine.appendEvents(noted("a", 0));
        List<? extends EventMessage<?>> crashed = List.of(noted("ghost", 0), noted("ghost", 1));
        long reserved = engine.reservePositions(crashed.size());
        Document neverWritten = engine.commitDocument(crashed, TestStore.serializer(), reserved);
        engine.appendEvents(noted("a", 1));

        // in order, never past the hole while its writer may still come
        assertThat(readAll(reader, null)).extracting(m -> position(m.trackingToken())).containsExactly(1L);
        Thread.sleep(400);
        assertThat(readAll(reader, null)).extracting(m -> position(m.trackingToken())).containsExactly(1L, 4L);

        // the writer wakes up too late: it is refused, so it can never appear behind the reader's back
        assertThatThrownBy(() -> engine.insertCommit(neverWritten, crashed)).isInstanceOf(EventStoreException.class);
        assertThat(engine.readEvents("ghost").asStream()).isEmpty();
        assertThat(readAll(reader, null)).hasSize(2);
    }

    @Test
    void a_slow_writer_within_the_gap_timeout_is_read_in_its_place() {
        engine.appendEvents(noted("a", 0));
        List<? extends EventMessage<?>> slow = List.of(noted("slow", 0));
        long reserved = engine.reservePositions(1);
        engine.appendEvents(noted("a", 1));

        assertThat(readAll(engine, null)).hasSize(1);
        engine.insertCommit(engine.commitDocument(slow, TestStore.serializer(), reserved), slow);

        assertThat(readAll(engine, null)).extracting(m -> position(m.trackingToken())).containsExactly(1L, 2L, 3L);
    }

    @Test
    void two_writer_processes_and_a_tracking_reader_see_every_event_once_in_position_order() throws Exception {
        int perWriter = 2000;
        MongoClient readerClient = store.newClient();
        MongoEventStorageEngine reader = store.engineBuilder(readerClient).build();
        Map<String, Integer> seen = new ConcurrentHashMap<>();
        List<Long> positions = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> writers = new ArrayList<>();
        for (String name : List.of("w1", "w2")) {
            writers.add(pool.submit(() -> {
                try (MongoClient writerClient = store.newClient()) {
                    MongoEventStorageEngine writer = store.engineBuilder(writerClient).build();
                    int written = 0;
                    int aggregate = 0;
                    while (written < perWriter) {
                        int size = 1 + (aggregate % 5);
                        List<DomainEventMessage<?>> commit = new ArrayList<>();
                        for (int seq = 0; seq < size && written < perWriter; seq++, written++) {
                            commit.add(noted(name + "-" + aggregate, seq));
                        }
                        writer.appendEvents(commit);
                        aggregate++;
                    }
                    return written;
                }
            }));
        }
        TrackingToken token = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (seen.size() < 2 * perWriter && System.nanoTime() < deadline) {
            List<TrackedEventMessage<?>> batch = readAll(reader, token);
            for (TrackedEventMessage<?> message : batch) {
                seen.merge(message.getIdentifier(), 1, Integer::sum);
                positions.add(position(message.trackingToken()));
                token = message.trackingToken();
            }
        }
        for (Future<Integer> writer : writers) {
            assertThat(writer.get()).isEqualTo(perWriter);
        }
        pool.shutdown();
        readerClient.close();

        assertThat(seen).hasSize(2 * perWriter);
        assertThat(seen.values()).allMatch(count -> count == 1);
        assertThat(positions).isSorted().doesNotHaveDuplicates();
        long storedEvents = client.getDatabase(store.databaseName()).getCollection(MongoEventStorageEngine.EVENTS)
                .find(Filters.exists(MongoEventStorageEngine.VOID, false)).into(new ArrayList<>()).stream()
                .mapToLong(doc -> doc.getList("events", Document.class).size()).sum();
        assertThat(storedEvents).isEqualTo(2L * perWriter);
    }

    @Test
    void stores_payload_and_metadata_as_readable_json_with_type_and_revision() {
        engine.appendEvents(noted("a", 0));

        Document commit = client.getDatabase(store.databaseName()).getCollection(MongoEventStorageEngine.EVENTS)
                .find().first();
        Document event = commit.getList("events", Document.class).get(0);

        assertThat(event.getString("payloadType")).isEqualTo(Fixtures.Noted.class.getName());
        assertThat(event.getString("payloadRevision")).isEqualTo("1");
        assertThat(event.get("payload", Document.class).getString("text")).isEqualTo("第0条");
        assertThat(event.get("metaData", Document.class).getString("actorId")).isEqualTo("tester");
        assertThat(event.getString("aggregateId")).isEqualTo("a");
        assertThat(event.getLong("sequence")).isZero();
        assertThat(Instant.parse(event.getString("timestamp"))).isNotNull();
    }

    @Test
    void applies_upcasters_to_older_revisions_when_reading() {
        engine.appendEvents(noted("a", 0));
        SingleEventUpcaster textToUpperCase = new SingleEventUpcaster() {
            @Override
            protected boolean canUpcast(IntermediateEventRepresentation representation) {
                return representation.getType().equals(new SimpleSerializedType(Fixtures.Noted.class.getName(), "1"));
            }

            @Override
            protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
                return representation.upcastPayload(new SimpleSerializedType(Fixtures.Noted.class.getName(), "1"),
                        JsonNode.class, node -> ((ObjectNode) node).put("text", "upcast"));
            }
        };
        MongoEventStorageEngine upcasting = store.engineBuilder(client).upcasterChain(textToUpperCase).build();

        assertThat(upcasting.readEvents("a").asStream().map(m -> ((Fixtures.Noted) m.getPayload()).text()).toList())
                .containsExactly("upcast");
        assertThat(readAll(upcasting, null)).extracting(m -> ((Fixtures.Noted) m.getPayload()).text())
                .containsExactly("upcast");
    }

    @Test
    void keeps_the_newest_snapshot_and_loads_from_it() {
        engine.appendEvents(noted("a", 0), noted("a", 1), noted("a", 2));
        engine.storeSnapshot(new GenericDomainEventMessage<>("Notebook", "a", 1, new Fixtures.Noted("a", 1, "snap")));
        engine.storeSnapshot(new GenericDomainEventMessage<>("Notebook", "a", 0, new Fixtures.Noted("a", 0, "older")));

        assertThat(engine.readSnapshot("a")).get().extracting(DomainEventMessage::getPayload)
                .isEqualTo(new Fixtures.Noted("a", 1, "snap"));
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
        try {
            List<? extends DomainEventMessage<?>> loaded = eventStore.readEvents("a").asStream().toList();
            assertThat(loaded.get(0).getPayload()).isEqualTo(new Fixtures.Noted("a", 1, "snap"));
            assertThat(loaded).extracting(DomainEventMessage::getSequenceNumber).containsExactly(1L, 2L);
        } finally {
            eventStore.shutDown();
        }
    }

    @Test
    void creates_head_and_time_based_tokens() throws InterruptedException {
        assertThat(engine.createHeadToken()).isNull();
        engine.appendEvents(noted("a", 0));
        Thread.sleep(20);
        Instant between = Instant.now();
        Thread.sleep(20);
        engine.appendEvents(noted("a", 1), noted("a", 2));

        assertThat(position(engine.createHeadToken())).isEqualTo(3L);
        assertThat(readAll(engine, engine.createTokenAt(between))).extracting(m -> position(m.trackingToken()))
                .containsExactly(2L, 3L);
    }

    @Test
    void keeps_every_event_and_token_across_a_restart_and_the_reader_resumes(@TempDir Path dataDir) {
        TrackingToken saved;
        try (TestStore first = TestStore.persistent(dataDir); MongoClient c = first.newClient()) {
            MongoEventStorageEngine writer = first.engineBuilder(c).build();
            writer.appendEvents(noted("a", 0), noted("a", 1));
            writer.appendEvents(noted("b", 0));
            TokenStore tokens = tokenStore(first, c);
            tokens.initializeTokenSegments("ledger", 1);
            List<TrackedEventMessage<?>> read = readAll(writer, null);
            saved = read.get(1).trackingToken();
            tokens.fetchToken("ledger", 0);
            tokens.storeToken(saved, "ledger", 0);
            tokens.releaseClaim("ledger", 0);
        }
        try (TestStore second = TestStore.persistent(dataDir); MongoClient c = second.newClient()) {
            MongoEventStorageEngine restarted = second.engineBuilder(c).build();
            restarted.appendEvents(noted("b", 1));
            TrackingToken resumed = tokenStore(second, c).fetchToken("ledger", 0);

            assertThat(resumed).isEqualTo(saved);
            assertThat(readAll(restarted, resumed)).extracting(m -> position(m.trackingToken()))
                    .containsExactly(3L, 4L);
            assertThat(restarted.readEvents("a").asStream().count()).isEqualTo(2);
        }
    }

    private static DomainEventMessage<?> keyed(DomainEventMessage<?> event, String idempotencyKey) {
        return event.andMetaData(Map.of(ledger.kernel.shared.MetadataKeys.IDEMPOTENCY_KEY, idempotencyKey));
    }

    // ---------------------------------------------------------------- what Axon's own engine suites ask

    @Test
    void an_event_of_no_aggregate_comes_back_as_a_plain_event_among_domain_events() {
        EventMessage<?> notice = announced("停水通知").andMetaData(Map.of("actorId", "office"));
        engine.appendEvents(noted("a", 0), notice, noted("a", 1));

        List<TrackedEventMessage<?>> read = readAll(engine, null);

        assertThat(read).extracting(m -> m instanceof DomainEventMessage).containsExactly(true, false, true);
        TrackedEventMessage<?> plain = read.get(1);
        assertThat(plain).isInstanceOf(GenericTrackedEventMessage.class);
        assertThat(plain.getIdentifier()).isEqualTo(notice.getIdentifier());
        assertThat(plain.getPayload()).isEqualTo(new Fixtures.Announced("停水通知"));
        assertThat(plain.getMetaData()).containsEntry("actorId", "office");
        assertThat(plain.getTimestamp()).isEqualTo(notice.getTimestamp());
        assertThat(position(plain.trackingToken())).isEqualTo(2L);
        // its own id names no aggregate
        assertThat(engine.readEvents(notice.getIdentifier()).asStream()).isEmpty();
        assertThat(engine.lastSequenceNumberFor(notice.getIdentifier())).isEmpty();
        assertThat(engine.readEvents("a").asStream().map(DomainEventMessage::getSequenceNumber).toList())
                .containsExactly(0L, 1L);
    }

    @Test
    void an_event_of_no_aggregate_stays_plain_for_a_tracking_processor_of_the_event_store() throws InterruptedException {
        engine.appendEvents(announced("全局通知"));
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
        try (var stream = eventStore.openStream(null)) {
            assertThat(stream.hasNextAvailable(10, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.nextAvailable()).isNotInstanceOf(DomainEventMessage.class);
        } finally {
            eventStore.shutDown();
        }
    }

    @Test
    void a_commit_that_holds_one_aggregate_sequence_twice_is_refused_whole_before_reserving_a_position() {
        assertThatThrownBy(() -> engine.appendEvents(noted("a", 0), noted("a", 0)))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThatThrownBy(() -> engine.appendEvents(noted("b", 0), noted("b", 1), noted("c", 0), noted("b", 1)))
                .isInstanceOf(ConcurrencyException.class);

        assertThat(engine.lastReservedPosition()).isZero();
        assertThat(commitDocuments()).isZero();
        assertThat(engine.readEvents("a").asStream()).isEmpty();
        assertThat(engine.readEvents("b").asStream()).isEmpty();
        engine.appendEvents(noted("b", 0));
        assertThat(readAll(engine, null)).extracting(m -> position(m.trackingToken())).containsExactly(1L);
    }

    @Test
    void a_second_creation_of_an_aggregate_is_refused_before_it_takes_a_position() {
        engine.appendEvents(noted("unit-a", 0));
        long head = engine.lastReservedPosition();

        assertThatThrownBy(() -> engine.appendEvents(noted("unit-a", 0))).isInstanceOf(AggregateStreamCreationException.class);
        assertThatThrownBy(() -> engine.appendEvents(noted("unit-b", 0), noted("unit-a", 0)))
                .isInstanceOf(AggregateStreamCreationException.class);

        assertThat(engine.lastReservedPosition()).as("no void position for a refused registration").isEqualTo(head);
        assertThat(engine.readEvents("unit-b").asStream()).isEmpty();
        engine.appendEvents(noted("unit-b", 0));
        assertThat(engine.lastReservedPosition()).isEqualTo(head + 1);
    }

    @Test
    void a_commit_that_holds_one_event_id_twice_is_refused_whole_before_reserving_a_position() {
        assertThatThrownBy(() -> engine.appendEvents(withId("same", "a", 0), withId("same", "b", 0)))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThatThrownBy(() -> engine.appendEvents(withId("again", "a", 1), withId("again", "b", 1)))
                .isInstanceOf(ConcurrencyException.class);
        EventMessage<?> notice = announced("重复");
        assertThatThrownBy(() -> engine.appendEvents(notice, notice)).isInstanceOf(ConcurrencyException.class);

        assertThat(engine.lastReservedPosition()).isZero();
        assertThat(commitDocuments()).isZero();
    }

    @Test
    void an_event_id_another_commit_holds_is_refused_like_a_taken_sequence() {
        EventMessage<?> notice = announced("一次");
        engine.appendEvents(notice);
        engine.appendEvents(withId("taken", "a", 0));

        assertThatThrownBy(() -> engine.appendEvents(notice)).isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> engine.appendEvents(withId("taken", "b", 0)))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThatThrownBy(() -> engine.appendEvents(noted("b", 0), withId("taken", "b", 1)))
                .isInstanceOf(ConcurrencyException.class);

        assertThat(engine.readEvents("b").asStream()).isEmpty();
        assertThat(readAll(engine, null)).extracting(EventMessage::getIdentifier)
                .containsExactly(notice.getIdentifier(), "taken");
    }

    @Test
    void without_a_resolver_a_repeated_sequence_is_a_plain_store_error() {
        MongoEventStorageEngine strict = store.engineBuilder(client).persistenceExceptionResolver(e -> false).build();

        assertThatThrownBy(() -> strict.appendEvents(noted("a", 0), noted("a", 0)))
                .isExactlyInstanceOf(EventStoreException.class);
        strict.appendEvents(noted("a", 0));
        assertThatThrownBy(() -> strict.appendEvents(noted("a", 0))).isExactlyInstanceOf(EventStoreException.class);
    }

    @Test
    void an_empty_append_stores_and_reserves_nothing() {
        engine.appendEvents(List.of());
        engine.appendEvents(noted("a", 0));
        engine.appendEvents();

        assertThat(engine.lastReservedPosition()).isEqualTo(1L);
        assertThat(readAll(engine, null)).hasSize(1);
    }

    @Test
    void a_commit_larger_than_a_batch_is_read_whole_by_aggregate_and_by_stream() {
        int count = 110; // the test store reads in batches of 100
        List<EventMessage<?>> commit = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            commit.add(noted("big", i));
        }
        engine.appendEvents(commit);
        EventMessage<?> last = announced("之后");
        engine.appendEvents(last);

        assertThat(engine.readEvents("big").asStream().map(DomainEventMessage::getSequenceNumber).toList())
                .hasSize(count).isSorted().endsWith((long) count - 1);
        assertThat(engine.lastSequenceNumberFor("big")).contains((long) count - 1);
        List<TrackedEventMessage<?>> stream = readAll(engine, null);
        assertThat(stream).hasSize(count + 1);
        assertThat(stream.get(count).getIdentifier()).isEqualTo(last.getIdentifier());
    }

    @Test
    void reads_an_aggregate_from_a_sequence_number_on() {
        engine.appendEvents(noted("a", 0), noted("a", 1), noted("a", 2));
        engine.appendEvents(noted("a", 3), noted("a", 4));

        assertThat(engine.readEvents("a", 2).asStream().map(DomainEventMessage::getSequenceNumber).toList())
                .containsExactly(2L, 3L, 4L);
        assertThat(engine.readEvents("a", 5).asStream()).isEmpty();
        assertThat(engine.readEvents("nobody", 0).asStream()).isEmpty();
    }

    @Test
    void knows_the_last_sequence_of_an_aggregate_across_lookup_windows() {
        List<EventMessage<?>> commit = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            commit.add(noted("exact", i));
        }
        engine.appendEvents(commit);
        engine.appendEvents(noted("exact", 256));

        assertThat(engine.lastSequenceNumberFor("exact")).contains(256L);
    }

    @Test
    void keeps_the_highest_snapshot_whatever_order_they_arrive_in_and_keeps_them_out_of_the_stream() {
        for (long sequence : new long[] {0, 1, 3, 2}) {
            engine.storeSnapshot(new GenericDomainEventMessage<>("Notebook", "snapped", sequence,
                    new Fixtures.Noted("snapped", sequence, "snapshot " + sequence)));
        }

        assertThat(engine.readSnapshot("snapped")).get().satisfies(snapshot -> {
            assertThat(snapshot.getSequenceNumber()).isEqualTo(3L);
            assertThat(snapshot.getAggregateIdentifier()).isEqualTo("snapped");
            assertThat(snapshot.getPayload()).isEqualTo(new Fixtures.Noted("snapped", 3, "snapshot 3"));
        });
        assertThat(engine.readSnapshot("other")).isEmpty();
        assertThat(readAll(engine, null)).isEmpty();
        assertThat(engine.readEvents("snapped").asStream()).isEmpty();
    }

    @Test
    void tail_and_head_tokens_do_not_depend_on_timestamps() {
        assertThat(readAll(engine, engine.createTailToken())).isEmpty();
        engine.appendEvents(at("a", 0, "2007-12-03T10:15:00Z"), at("a", 1, "2007-12-03T10:15:40Z"),
                at("a", 2, "2007-12-03T10:15:35Z"));

        assertThat(readAll(engine, engine.createTailToken())).extracting(m -> position(m.trackingToken()))
                .containsExactly(1L, 2L, 3L);
        TrackingToken head = engine.createHeadToken();
        assertThat(readAll(engine, head)).isEmpty();
        engine.appendEvents(at("a", 3, "2001-01-01T00:00:00Z"));
        assertThat(readAll(engine, head)).extracting(m -> position(m.trackingToken())).containsExactly(4L);
    }

    @Test
    void a_token_at_an_instant_leads_to_every_event_stamped_from_then_on_though_stamps_are_out_of_position_order() {
        // as when handlers stamp their events and commit in another order
        engine.appendEvents(at("a", 0, "2007-12-03T10:15:10Z"));
        engine.appendEvents(at("b", 0, "2007-12-03T10:15:50Z"));
        engine.appendEvents(at("c", 0, "2007-12-03T10:15:20Z"), at("c", 1, "2007-12-03T10:15:30Z"));
        engine.appendEvents(at("d", 0, "2007-12-03T10:15:40Z"));

        assertThat(positionsFrom(engine.createTokenAt(Instant.parse("2007-12-03T10:15:45Z")))).containsExactly(2L, 3L, 4L, 5L);
        assertThat(positionsFrom(engine.createTokenAt(Instant.parse("2007-12-03T10:15:20Z")))).containsExactly(2L, 3L, 4L, 5L);
        assertThat(positionsFrom(engine.createTokenAt(Instant.parse("2007-12-03T10:15:10Z")))).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(positionsFrom(engine.createTokenAt(Instant.parse("2006-01-01T00:00:00Z")))).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(positionsFrom(engine.createTokenAt(Instant.parse("2007-12-03T10:15:51Z")))).isEmpty();
        assertThat(engine.createTokenAt(Instant.parse("2007-12-03T10:15:51Z"))).isEqualTo(engine.createHeadToken());
    }

    @Test
    void tokens_at_instants_stay_right_over_many_windows_of_the_log_and_as_it_grows() {
        // one event a second from 10:00, except one stamped late at position 10 and one early at 600
        Instant start = Instant.parse("2007-12-03T10:00:00Z");
        List<EventMessage<?>> commit = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            Instant stamp = i == 9 ? Instant.parse("2007-12-04T00:00:00Z")
                    : i == 599 ? Instant.parse("2007-12-03T09:00:00Z") : start.plusSeconds(i);
            commit.add(at("many", i, stamp.toString()));
        }
        engine.appendEvents(commit);
        Instant later = Instant.parse("2007-12-05T00:00:00Z");

        assertThat(engine.createTokenAt(later)).isEqualTo(new GlobalSequenceTrackingToken(700));
        assertThat(engine.createTokenAt(start.plusSeconds(300))).isEqualTo(new GlobalSequenceTrackingToken(9));
        assertThat(engine.createTokenAt(Instant.parse("2007-12-03T23:59:59Z")))
                .isEqualTo(new GlobalSequenceTrackingToken(9));
        assertThat(engine.createTokenAt(Instant.parse("2007-12-04T00:00:01Z")))
                .isEqualTo(new GlobalSequenceTrackingToken(700));
        assertThat(engine.createTokenAt(start.minusSeconds(3600))).isNull();

        engine.appendEvents(at("many", 700, "2007-12-03T10:30:00Z"), at("many", 701, "2007-12-06T00:00:00Z"));
        assertThat(positionsFrom(engine.createTokenAt(later))).containsExactly(702L);
        assertThat(positionsFrom(engine.createTokenAt(Instant.parse("2007-12-04T00:00:01Z")))).containsExactly(702L);
    }

    @Test
    void the_log_before_a_token_at_an_instant_holds_nothing_stamped_after_it() {
        // an as-of read takes the log up to createTokenAt(moment + 1ns) for the state at the moment
        engine.appendEvents(at("a", 0, "2007-12-03T10:15:10Z"), at("a", 1, "2007-12-03T10:15:20Z"));
        engine.appendEvents(at("b", 0, "2007-12-03T10:15:40Z"));
        engine.appendEvents(at("c", 0, "2007-12-03T10:15:30Z"));
        Instant moment = Instant.parse("2007-12-03T10:15:30Z");

        long asOf = position(engine.createTokenAt(moment.plusNanos(1)));

        assertThat(asOf).isEqualTo(2L);
        assertThat(readAll(engine, null)).filteredOn(m -> position(m.trackingToken()) <= asOf)
                .allMatch(m -> !m.getTimestamp().isAfter(moment));
    }

    @Test
    void a_token_at_an_instant_does_not_pass_a_commit_still_being_written() {
        engine.appendEvents(at("a", 0, "2007-12-03T10:15:10Z"));
        List<? extends EventMessage<?>> slow = List.of(at("slow", 0, "2007-12-03T10:15:30Z"));
        long reserved = engine.reservePositions(1);
        engine.appendEvents(at("b", 0, "2007-12-03T10:15:20Z"));

        TrackingToken token = engine.createTokenAt(Instant.parse("2007-12-03T10:15:25Z"));
        engine.insertCommit(engine.commitDocument(slow, TestStore.serializer(), reserved), slow);

        assertThat(readAll(engine, token)).extracting(EventMessage::getIdentifier).contains(slow.get(0).getIdentifier());
    }

    @Test
    void a_token_at_an_instant_on_an_empty_store_reads_from_the_start() {
        TrackingToken token = engine.createTokenAt(Instant.parse("2007-12-03T10:15:25Z"));
        engine.appendEvents(at("a", 0, "2001-01-01T00:00:00Z"));

        assertThat(positionsFrom(token)).containsExactly(1L);
    }

    private List<Long> positionsFrom(TrackingToken token) {
        return readAll(engine, token).stream().map(m -> position(m.trackingToken())).toList();
    }

    private long commitDocuments() {
        return client.getDatabase(store.databaseName()).getCollection(MongoEventStorageEngine.EVENTS).countDocuments();
    }

    private static DomainEventMessage<?> withId(String eventId, String aggregateId, long sequence) {
        return new GenericDomainEventMessage<>("Notebook", aggregateId, sequence,
                new Fixtures.Noted(aggregateId, sequence, "id " + eventId), MetaData.emptyInstance(), eventId, Instant.now());
    }

    private static DomainEventMessage<?> at(String aggregateId, long sequence, String timestamp) {
        return new GenericDomainEventMessage<>("Notebook", aggregateId, sequence,
                new Fixtures.Noted(aggregateId, sequence, "at " + timestamp), MetaData.emptyInstance(),
                UUID.randomUUID().toString(), Instant.parse(timestamp));
    }

    private static TokenStore tokenStore(TestStore store, MongoClient client) {
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, store.databaseName()).build())
                .serializer(TestStore.serializer())
                .build();
    }

    static List<TrackedEventMessage<?>> readAll(MongoEventStorageEngine engine, TrackingToken from) {
        return engine.readEvents(from, false).collect(Collectors.toList());
    }

    static long position(TrackingToken token) {
        return token.position().orElseThrow();
    }
}
