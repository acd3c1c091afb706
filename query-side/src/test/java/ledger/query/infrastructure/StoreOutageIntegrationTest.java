package ledger.query.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.security.Role;
import ledger.kernel.task.ProgressReportedEvent;
import ledger.kernel.task.TaskAssignedEvent;
import ledger.kernel.task.TaskId;
import ledger.kernel.task.TaskSource;
import ledger.query.TestNotary;
import ledger.security.TestAccounts;
import ledger.security.UserAccounts;
import ledger.store.MongoEventStorageEngine;
import ledger.store.StoreConnection;
import ledger.store.deadletter.MongoSequencedDeadLetterQueue;
import ledger.storeserver.EmbeddedStoreServer;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The store goes away under load for longer than the driver waits for it (server selection 1 s,
 * outage 3 s) and comes back on the same port with the same data. Events handled during the
 * outage fail with timeouts and broken sockets; they must be retried, not parked. Afterwards every
 * view converges with no administrator action, and throughout no read that asked for a position
 * answered with a row older than that position (503 and 500 while the store is away are fine).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledger.security.bcrypt-strength=4",
        "ledger.query.max-wait=2s",
        // a commit cut off by the outage leaves reserved positions without a document: void them soon
        "ledger.store.gap-timeout=2s",
        // the views must converge without the dead-letter retry schedule (nothing may be parked)
        "ledger.query.dead-letter-retry-interval=1h"})
@Import(TestNotary.Sealing.class)
class StoreOutageIntegrationTest {

    private static final Path DATA = tempDir();
    private static final int PORT = freePort();
    private static volatile EmbeddedStoreServer store = EmbeddedStoreServer.persistent(DATA, "127.0.0.1", PORT);
    private static final String MONTH = "2027-03";
    private static final int TASKS = 6;

    @DynamicPropertySource
    static void storeUri(DynamicPropertyRegistry registry) {
        // short driver timeouts, so that the outage is longer than a handler waits for the store
        registry.add("ledger.store.uri", () -> "mongodb://127.0.0.1:" + PORT
                + "/?serverSelectionTimeoutMS=1000&connectTimeoutMS=500&socketTimeoutMS=2000");
        registry.add("ledger.store.database", () -> "outage");
    }

    @AfterAll
    static void stopStore() {
        store.close();
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStore events;
    @Autowired
    MongoEventStorageEngine engine;
    @Autowired
    MongoClient client;
    @Autowired
    StoreConnection connection;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder passwords;

    /** What the writer knows it stored: per task, the last sequence and a position at or after it. */
    record Written(long sequence, long position) {
    }

    private final Map<String, Written> written = new ConcurrentHashMap<>();
    private final List<String> staleAnswers = new CopyOnWriteArrayList<>();
    private final AtomicInteger fresh = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
    private final AtomicInteger writes = new AtomicInteger();

    @Test
    void after_an_outage_under_load_every_view_converges_by_itself_and_no_read_answers_older_than_its_position()
            throws Exception {
        TestAccounts.ensure(accounts, passwords);
        TestRestTemplate reader = http.withBasicAuth(TestAccounts.username(Role.BUREAU_OFFICE), TestAccounts.PASSWORD);
        TestRestTemplate admin = http.withBasicAuth(TestAccounts.username(Role.ADMIN), TestAccounts.PASSWORD);
        for (int t = 0; t < TASKS; t++) {
            publish(task(t), 0);
        }
        Thread writer = new Thread(this::write, "outage-writer");
        List<Thread> readers = List.of(new Thread(() -> read(reader, true), "outage-reader-task"),
                new Thread(() -> read(reader, false), "outage-reader-month"));
        writer.start();
        readers.forEach(Thread::start);
        try {
            // under load: events being written, handled and read (however fast this machine is)
            underLoad(20, 5);
            store.close();                              // the outage, longer than the driver waits
            TimeUnit.MILLISECONDS.sleep(3000);
            store = EmbeddedStoreServer.persistent(DATA, "127.0.0.1", PORT);
            underLoad(20, 5);                           // load goes on after the store is back
        } finally {
            running.set(false);
            writer.join(10_000);
            for (Thread thread : readers) {
                thread.join(10_000);
            }
        }

        // every view converges, no one retries or evicts anything
        Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            List<Map<String, Object>> processors = admin.getForObject("/api/admin/processors", List.class);
            assertThat(processors).isNotEmpty().allSatisfy(p -> assertThat(p)
                    .as(String.valueOf(p)).containsEntry("caughtUp", true).containsEntry("parkedEvents", 0));
            for (Map.Entry<String, Written> task : written.entrySet()) {
                Map<String, Object> row = reader.getForObject("/api/tasks/" + task.getKey(), Map.class);
                assertThat(((Number) row.get("version")).longValue()).as(task.getKey()).isEqualTo(task.getValue().sequence());
            }
        });
        org.slf4j.LoggerFactory.getLogger(StoreOutageIntegrationTest.class).info(
                "Outage test: {} writes up to position {}; reads answered {}", writes.get(), engine.lastReservedPosition(),
                answers);
        long parked = client.getDatabase(connection.database()).getCollection(MongoSequencedDeadLetterQueue.COLLECTION)
                .countDocuments(new Document());
        assertThat(parked).as("events parked by the outage").isZero();
        assertThat(staleAnswers).as("reads that answered older than the position they asked for").isEmpty();
        assertThat(fresh.get()).as("reads answered with the row asked for").isPositive();
        assertThat(refused.get()).as("reads refused while the store was away").isPositive();
    }

    /** Waits until this many more writes have been stored and reads answered with their rows. */
    private void underLoad(int moreWrites, int moreFreshReads) {
        int writesFrom = writes.get();
        int freshFrom = fresh.get();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() ->
                writes.get() >= writesFrom + moreWrites && fresh.get() >= freshFrom + moreFreshReads);
    }

    private static String task(int t) {
        return "task-outage-" + t;
    }

    /** Progress on the tasks in turn; a write the outage refused is tried again until it is stored. */
    private void write() {
        long[] next = new long[TASKS];
        java.util.Arrays.fill(next, 1);
        int t = 0;
        while (running.get()) {
            String id = task(t);
            try {
                publish(id, next[t]);
                next[t]++;
                t = (t + 1) % TASKS;
            } catch (ConcurrencyException storedAfterAll) {
                // the write reported a failure but had been stored: it lies before the last reserved position
                written.put(id, new Written(next[t], engine.lastReservedPosition()));
                next[t]++;
            } catch (RuntimeException storeAway) {
                pause(100);
                continue;
            }
            pause(15);
        }
    }

    private void publish(String id, long sequence) {
        Object event = sequence == 0
                ? new TaskAssignedEvent(new TaskId(id), "任务 " + id, null, TaskSource.PARTY_GROUP_MEETING,
                        "党组会〔2027〕3号", new CadreId("leader-li"), new UnitId("office"), List.of(),
                        YearMonth.parse(MONTH).atEndOfMonth(), YearMonth.parse(MONTH), Instant.parse("2027-03-01T01:00:00Z"),
                        List.of())
                : new ProgressReportedEvent(new TaskId(id), (int) Math.min(100, sequence), "进展 " + sequence,
                        Instant.parse("2027-03-02T01:00:00Z").plusSeconds(sequence), null);
        events.publish(new GenericDomainEventMessage<>("Task", id, sequence, event));
        // the only writer: the last reserved position is this event's or a later one
        written.put(id, new Written(sequence, engine.lastReservedPosition()));
        writes.incrementAndGet();
    }

    /** Reads with minPosition the last write of a task, one task or the month; checks no row is older. */
    private void read(TestRestTemplate reader, boolean oneTask) {
        int t = 0;
        while (running.get()) {
            String id = task(t);
            t = (t + 1) % TASKS;
            Written asked = written.get(id);
            if (asked == null) {
                continue;
            }
            try {
                if (oneTask) {
                    ResponseEntity<Map> answer = reader.getForEntity("/api/tasks/" + id + "?minPosition="
                            + asked.position(), Map.class);
                    check(answer, id, asked, answer.getBody());
                } else {
                    ResponseEntity<Map> answer = reader.getForEntity("/api/ledger/" + MONTH + "?size=200&minPosition="
                            + asked.position(), Map.class);
                    Map<String, Object> row = answer.getStatusCode().value() != 200 ? null
                            : ((List<Map<String, Object>>) answer.getBody().get("tasks")).stream()
                                    .filter(task -> id.equals(task.get("taskId"))).findFirst().orElse(Map.of());
                    check(answer, id, asked, row);
                }
            } catch (RuntimeException connectionTrouble) {
                answers.computeIfAbsent(connectionTrouble.getClass().getSimpleName(), k -> new AtomicInteger())
                        .incrementAndGet();
                refused.incrementAndGet();
            }
            pause(5);
        }
    }

    private void check(ResponseEntity<Map> answer, String id, Written asked, Map<String, Object> row) {
        Object code = answer.getBody() == null ? null : answer.getBody().get("code");
        answers.computeIfAbsent(answer.getStatusCode().value() + (code == null ? "" : " " + code),
                k -> new AtomicInteger()).incrementAndGet();
        if (answer.getStatusCode().value() == 404) {
            staleAnswers.add(id + " asked for position " + asked.position() + ": not found");
            return;
        }
        if (answer.getStatusCode().value() != 200) {
            refused.incrementAndGet();
            return;
        }
        Object version = row == null ? null : row.get("version");
        if (version == null || ((Number) version).longValue() < asked.sequence()) {
            staleAnswers.add(id + " asked for position " + asked.position() + " (version " + asked.sequence()
                    + "), got version " + version);
        } else {
            fresh.incrementAndGet();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("ledger-outage");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
