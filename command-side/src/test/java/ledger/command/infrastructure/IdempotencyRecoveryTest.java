package ledger.command.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import ledger.command.TestOrganisation;
import ledger.kernel.security.Role;
import ledger.kernel.shared.MetadataKeys;
import ledger.security.TestAccounts;
import ledger.security.UserAccounts;
import ledger.store.CommitReceipt;
import ledger.store.CommitReceipts;
import ledger.store.MongoEventStorageEngine;
import ledger.store.StoreConnection;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Item 9 and 10 of issue 11: the command side dies (or the store fails) after a command's events
 * are stored and before its idempotency record is kept. Faults come from hooks, never from sleeps:
 * the filter's hook between handling and keeping, and store collections that fail on demand.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.store.embedded-persistent=false", "ledger.security.bcrypt-strength=4"})
class IdempotencyRecoveryTest {

    private static final String TASK_JSON = """
            {"title":"整治违法建设","source":"CITY_PARTY_COMMITTEE_GOVERNMENT","leadLeaderId":"cadre-test-bureau-leader",
             "leadUnitId":"unit-a","coUnitIds":[],"dueDate":"2026-04-30","ledgerMonth":"2026-04"}""";
    private static final String FAULT = "injected fault 10.0.0.7:27017 timed out";

    @Autowired
    TestRestTemplate http;
    @Autowired
    IdempotencyFilter filter;
    @Autowired
    CommandSender sender;
    @Autowired
    CommitReceipts receipts;
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
    @Autowired
    ObjectMapper json;

    private final String leader = TestAccounts.username(Role.BUREAU_LEADER);
    private final Runnable[] restore = new Runnable[1];

    @BeforeEach
    void accounts() {
        TestAccounts.ensure(accounts, passwords);
        TestOrganisation.ensure(http);
    }

    @AfterEach
    void repair() {
        filter.beforeKeeping(null);
        if (restore[0] != null) {
            restore[0].run();
            restore[0] = null;
        }
    }

    @Test
    void a_retry_after_a_crash_between_storing_and_keeping_answers_the_first_result_and_the_command_ran_once() throws Exception {
        String key = "crash-" + UUID.randomUUID();
        long before = engine.lastReservedPosition();
        AtomicReference<Answer> unsent = crashAfterStoring();

        ResponseEntity<String> crashed = post(leader, "/api/tasks", TASK_JSON, key);

        assertThat(crashed.getStatusCode().is5xxServerError()).as("the client got no answer").isTrue();
        Answer first = unsent.get();
        assertThat(first.status()).isEqualTo(201);
        String taskId = json.readTree(first.body()).get("id").asText();
        assertThat(record(leader, key).getString("state")).as("the crash left the key running").isEqualTo("RUNNING");
        assertThat(engine.readEvents(taskId).asStream().count()).as("the event was stored").isEqualTo(1);

        // the command side comes back (the hook is gone, and no request of it runs the key) and the client retries
        filter.beforeKeeping(null);
        ResponseEntity<String> retry = post(leader, "/api/tasks", TASK_JSON, key);

        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(Answer.of(retry)).isEqualTo(first);
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(engine.readEvents(taskId).asStream().count()).as("one event").isEqualTo(1);
        assertThat(engine.lastReservedPosition()).as("nothing more was stored").isEqualTo(before + 1);
        assertThat(record(leader, key).getString("state")).isEqualTo("DONE");
        assertThat(Answer.of(post(leader, "/api/tasks", TASK_JSON, key))).isEqualTo(first);
    }

    @Test
    void a_retried_command_that_the_rules_would_now_refuse_answers_what_its_first_run_stored() throws Exception {
        String taskId = (String) json.convertValue(readJson(post(leader, "/api/tasks", TASK_JSON, null)), Map.class)
                .get("id");
        String head = TestAccounts.username(Role.UNIT_HEAD);
        String claim = "{\"summary\":\"已整治完毕\"}";
        String key = "claim-" + UUID.randomUUID();
        AtomicReference<Answer> unsent = crashAfterStoring();

        post(head, "/api/tasks/" + taskId + "/completion-claims", claim, key);
        filter.beforeKeeping(null);
        ResponseEntity<String> retry = post(head, "/api/tasks/" + taskId + "/completion-claims", claim, key);

        // run again as a new command, the claim would be refused (COMPLETION_ALREADY_CLAIMED)
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(Answer.of(retry)).isEqualTo(unsent.get());
        assertThat(engine.readEvents(taskId).asStream().count()).isEqualTo(2);
    }

    @Test
    void a_second_run_that_meets_the_first_runs_commit_answers_with_that_commit() throws Exception {
        String key = "race-" + UUID.randomUUID();
        AtomicReference<Answer> unsent = crashAfterStoring();
        post(leader, "/api/tasks", TASK_JSON, key);
        filter.beforeKeeping(null);
        Answer first = unsent.get();
        String taskId = json.readTree(first.body()).get("id").asText();
        // the second run looks before the first run's commit has landed (it finds nothing), then
        // sends its command, which meets that commit
        CommitReceipts late = new CommitReceipts(engine) {
            private final AtomicInteger lookups = new AtomicInteger();

            @Override
            public Optional<CommitReceipt> committedUnder(String idempotencyKey) {
                return lookups.getAndIncrement() == 0 ? Optional.empty() : receipts.committedUnder(idempotencyKey);
            }
        };
        ReflectionTestUtils.setField(sender, "receipts", late);
        restore[0] = () -> {
            ReflectionTestUtils.setField(sender, "receipts", receipts);
            engine.removeCommitListener(late);
        };
        long before = engine.lastReservedPosition();

        ResponseEntity<String> retry = post(leader, "/api/tasks", TASK_JSON, key);

        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(Answer.of(retry)).isEqualTo(first);
        assertThat(engine.readEvents(taskId).asStream().count()).isEqualTo(1);
        // the task the second run would create exists: refused before it took a position
        assertThat(engine.lastReservedPosition()).as("its commit was refused before it reserved").isEqualTo(before);
    }

    @Test
    void the_commit_carries_the_key_so_the_store_alone_decides_whether_the_command_ran() throws Exception {
        String key = "proof-" + UUID.randomUUID();
        ResponseEntity<String> created = post(leader, "/api/tasks", TASK_JSON, key);
        long position = json.readTree(created.getBody()).get("position").asLong();

        Document commit = events().find(new Document("_id", position)).first();
        String commitKey = commit.getString("idempotencyKey");
        assertThat(commitKey).endsWith("#0").doesNotContain(key, leader);
        assertThat(commit.getList("events", Document.class).get(0).get("metaData", Document.class)
                .getString(MetadataKeys.IDEMPOTENCY_KEY)).isEqualTo(commitKey);
        assertThat(engine.committedUnder(commitKey)).map(CommitReceipt::lastPosition).contains(position);
    }

    @Test
    void a_store_failure_after_the_commit_answers_503_and_the_retry_answers_what_was_stored() {
        String key = "keep-fails-" + UUID.randomUUID();
        long before = engine.lastReservedPosition();
        AtomicBoolean failing = failFilterRecords("replaceOne");

        ResponseEntity<String> failed = post(leader, "/api/tasks", TASK_JSON, key);

        assertStoreUnavailable(failed);
        assertThat(engine.lastReservedPosition()).as("the command was stored").isEqualTo(before + 1);
        failing.set(false);
        ResponseEntity<String> retry = post(leader, "/api/tasks", TASK_JSON, key);
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Map<String, Object> body = json.convertValue(readJson(retry), Map.class);
        assertThat(body).containsEntry("version", 0).containsEntry("position", (int) (before + 1));
        String taskId = (String) body.get("id");
        assertThat(retry.getHeaders().getLocation()).hasToString("/api/tasks/" + taskId);
        assertThat(retry.getHeaders().getETag()).isEqualTo("\"0\"");
        assertThat(engine.readEvents(taskId).asStream().count()).isEqualTo(1);
        assertThat(engine.lastReservedPosition()).isEqualTo(before + 1);
    }

    @Test
    void a_store_failure_before_the_request_runs_answers_503_and_stores_nothing() {
        long before = engine.lastReservedPosition();
        failFilterRecords("find", "insertOne");

        assertStoreUnavailable(post(leader, "/api/tasks", TASK_JSON, "early-" + UUID.randomUUID()));
        assertThat(engine.lastReservedPosition()).isEqualTo(before);
    }

    @Test
    void a_failed_position_reservation_answers_503_with_or_without_a_key_and_a_retry_then_runs() {
        long before = engine.lastReservedPosition();
        AtomicBoolean failing = new AtomicBoolean(true);
        swap(engine, "counters", failing, new MongoSocketReadException(FAULT, new ServerAddress("10.0.0.7")),
                "findOneAndUpdate");
        String key = "reserve-" + UUID.randomUUID();

        assertStoreUnavailable(post(leader, "/api/tasks", TASK_JSON, null));
        assertStoreUnavailable(post(leader, "/api/tasks", TASK_JSON, key));
        assertThat(engine.lastReservedPosition()).isEqualTo(before);

        failing.set(false);
        ResponseEntity<String> retry = post(leader, "/api/tasks", TASK_JSON, key);
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(engine.lastReservedPosition()).isEqualTo(before + 1);
    }

    // ---------------------------------------------------------------- faults

    /** The process "dies" after the command was stored and before its answer is kept; the answer it had is captured. */
    private AtomicReference<Answer> crashAfterStoring() {
        AtomicReference<Answer> unsent = new AtomicReference<>();
        filter.beforeKeeping((request, answer) -> {
            unsent.set(new Answer(answer.getStatus(), new String(answer.getContentAsByteArray(),
                    java.nio.charset.StandardCharsets.UTF_8), answer.getHeader(HttpHeaders.LOCATION),
                    answer.getHeader(HttpHeaders.ETAG)));
            throw new SimulatedCrash();
        });
        return unsent;
    }

    private AtomicBoolean failFilterRecords(String... methods) {
        AtomicBoolean failing = new AtomicBoolean(true);
        swap(filter, "records", failing, new MongoTimeoutException(FAULT), methods);
        return failing;
    }

    /** Replaces a store collection of {@code target} with one whose {@code methods} fail while {@code failing}. */
    @SuppressWarnings("unchecked")
    private void swap(Object target, String field, AtomicBoolean failing, RuntimeException fault, String... methods) {
        MongoCollection<Document> real = (MongoCollection<Document>) ReflectionTestUtils.getField(target, field);
        Set<String> names = Set.of(methods);
        Object faulty = Proxy.newProxyInstance(MongoCollection.class.getClassLoader(),
                new Class<?>[]{MongoCollection.class}, (proxy, method, args) -> {
                    if (failing.get() && names.contains(method.getName())) {
                        throw fault;
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        ReflectionTestUtils.setField(target, field, faulty);
        restore[0] = () -> ReflectionTestUtils.setField(target, field, real);
    }

    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash: the process dies here");
        }
    }

    // ---------------------------------------------------------------- helpers

    record Answer(int status, String body, String location, String etag) {
        static Answer of(ResponseEntity<String> response) {
            return new Answer(response.getStatusCode().value(), response.getBody(),
                    response.getHeaders().getFirst(HttpHeaders.LOCATION), response.getHeaders().getFirst(HttpHeaders.ETAG));
        }
    }

    private void assertStoreUnavailable(ResponseEntity<String> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        Map<String, Object> problem = json.convertValue(readJson(response), Map.class);
        assertThat(problem).containsEntry("code", "STORE_UNAVAILABLE").containsEntry("status", 503);
        assertThat(response.getBody()).doesNotContain("10.0.0.7", "Exception", "timed out");
    }

    private Object readJson(ResponseEntity<String> response) {
        try {
            return json.readTree(response.getBody());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Document record(String username, String key) {
        return client.getDatabase(connection.database()).getCollection(IdempotencyFilter.COLLECTION)
                .find(new Document("_id", username + "|" + key)).first();
    }

    private MongoCollection<Document> events() {
        return client.getDatabase(connection.database()).getCollection(MongoEventStorageEngine.EVENTS);
    }

    private ResponseEntity<String> post(String username, String path, String body, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            headers.set(IdempotencyFilter.HEADER, idempotencyKey);
        }
        return http.withBasicAuth(username, TestAccounts.PASSWORD)
                .exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }
}
