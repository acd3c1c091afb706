package ledger.command.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import ledger.command.MovableClock;
import ledger.command.TestOrganisation;
import ledger.kernel.security.Role;
import ledger.security.TestAccounts;
import ledger.security.UserAccounts;
import ledger.store.MongoEventStorageEngine;
import ledger.store.StoreConnection;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Item 7 of issue 13: an Idempotency-Key is remembered for the retention (here 10 minutes, on a
 * clock the test moves) and then forgotten, so that the same key is a new request, also with
 * another body. The embedded store expires nothing by itself: the sweep, triggered here, removes
 * the expired records, and a record the sweep has not reached yet counts as gone all the same.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledger.store.embedded-persistent=false", "ledger.security.bcrypt-strength=4",
        "ledger.idempotency.retention=10m", "ledger.idempotency.sweep-interval=1d"})
@Import(IdempotencyRetentionTest.MovedClock.class)
class IdempotencyRetentionTest {

    private static final Duration RETENTION = Duration.ofMinutes(10);

    @TestConfiguration
    static class MovedClock {
        @Bean
        MovableClock clock() {
            return new MovableClock(Instant.now());
        }
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    MovableClock clock;
    @Autowired
    IdempotencyRetention retention;
    @Autowired
    IdempotencyFilter filter;
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

    @BeforeEach
    void organisation() {
        TestAccounts.ensure(accounts, passwords);
        TestOrganisation.ensure(http);
    }

    @Test
    void within_the_retention_a_key_replays_the_first_answer_and_after_it_the_key_is_a_new_request() throws Exception {
        String key = "retained-" + UUID.randomUUID();
        String body = task("老旧小区改造");
        ResponseEntity<String> first = post(body, key);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String firstTask = field(first, "id");
        long stored = engine.lastReservedPosition();

        clock.advance(RETENTION.minusSeconds(1));
        ResponseEntity<String> retry = post(body, key);

        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders().getFirst(HttpHeaders.LOCATION)).isEqualTo(first.getHeaders().getFirst(HttpHeaders.LOCATION));
        assertThat(retry.getHeaders().getFirst(IdempotencyFilter.REPLAYED)).isEqualTo("true");
        assertThat(engine.lastReservedPosition()).as("nothing stored by the retry").isEqualTo(stored);

        clock.advance(Duration.ofSeconds(1));
        assertThat(retention.sweep()).as("the sweep removed the expired key").isGreaterThanOrEqualTo(1);
        assertThat(record(key)).as("the key is gone").isNull();

        ResponseEntity<String> again = post(body, key);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getHeaders().getFirst(IdempotencyFilter.REPLAYED)).as("a new request, not a replay").isNull();
        String secondTask = field(again, "id");
        assertThat(secondTask).as("a second task, with ids of its own").isNotEqualTo(firstTask);
        assertThat(engine.readEvents(firstTask).asStream().count()).as("the first task is untouched").isEqualTo(1);
        assertThat(engine.readEvents(secondTask).asStream().count()).isEqualTo(1);
        assertThat(engine.lastReservedPosition()).isEqualTo(stored + 1);
        // and the key is remembered again, now for the second request
        ResponseEntity<String> replayOfSecond = post(body, key);
        assertThat(replayOfSecond.getBody()).isEqualTo(again.getBody());
        assertThat(replayOfSecond.getHeaders().getFirst(IdempotencyFilter.REPLAYED)).isEqualTo("true");
    }

    @Test
    void after_the_retention_a_key_may_carry_another_body_even_before_the_sweep_ran() throws Exception {
        String key = "reused-" + UUID.randomUUID();
        ResponseEntity<String> first = post(task("拆除违法建设"), key);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String other = task("整治城市道路");
        assertThat(post(other, key).getStatusCode()).as("within the retention").isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

        clock.advance(RETENTION);
        assertThat(record(key)).as("not swept yet").isNotNull();
        ResponseEntity<String> reused = post(other, key);

        assertThat(reused.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(reused.getHeaders().getFirst(IdempotencyFilter.REPLAYED)).isNull();
        assertThat(field(reused, "id")).isNotEqualTo(field(first, "id"));
        assertThat(engine.readEvents(field(reused, "id")).asStream().findFirst().orElseThrow().getPayload().toString())
                .as("the second body was run").contains("整治城市道路");
    }

    @AfterEach
    void noMoreHooks() {
        filter.beforeKeeping(null);
    }

    /**
     * The retention's clock of a key starts when its answer is kept: a request that runs longer
     * than the retention holds its key all the while (it is renewed, so neither the sweep nor a
     * retry forgets it), keeps its answer, and a retry within the retention after that answer
     * replays it. Without the renewal the sweep removed the running key, the answer found no
     * record to be kept in, and the retry stored the task a second time.
     */
    @Test
    void a_request_that_runs_longer_than_the_retention_keeps_its_key_and_its_answer() throws Exception {
        String key = "slow-" + UUID.randomUUID();
        String body = task("城市更新片区规划");
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        filter.beforeKeeping((request, answer) -> {
            running.countDown();
            try {
                finish.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        CompletableFuture<ResponseEntity<String>> slow = CompletableFuture.supplyAsync(() -> post(body, key));
        assertThat(running.await(1, TimeUnit.MINUTES)).as("the request ran its command").isTrue();
        long stored = engine.lastReservedPosition();

        clock.advance(RETENTION.plusMinutes(5));
        retention.renewHeld();
        retention.sweep();

        Document held = record(key);
        assertThat(held).as("a running key is not swept").isNotNull();
        assertThat(held.getString("state")).isEqualTo("RUNNING");
        assertThat(retention.expired(held)).as("nor counted as gone").isFalse();
        ResponseEntity<String> meanwhile = post(body, key);
        assertThat(meanwhile.getStatusCode()).as("a retry while it runs").isEqualTo(HttpStatus.CONFLICT);
        assertThat(meanwhile.getBody()).contains("IDEMPOTENCY_KEY_IN_PROGRESS");

        finish.countDown();
        ResponseEntity<String> first = slow.get(1, TimeUnit.MINUTES);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(record(key).getString("state")).as("the answer was kept").isEqualTo("DONE");

        clock.advance(RETENTION.minusSeconds(1));
        retention.sweep();
        ResponseEntity<String> retry = post(body, key);
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getHeaders().getFirst(IdempotencyFilter.REPLAYED))
                .as("within the retention after the answer: a replay").isEqualTo("true");
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(engine.lastReservedPosition()).as("the task was stored once").isEqualTo(stored);

        clock.advance(Duration.ofSeconds(1));
        assertThat(retention.sweep()).as("then it expires like any other").isGreaterThanOrEqualTo(1);
        assertThat(record(key)).isNull();
    }

    @Test
    void an_answer_whose_record_was_removed_while_the_request_ran_is_kept_all_the_same() throws Exception {
        String key = "removed-" + UUID.randomUUID();
        String body = task("燃气管道更新");
        filter.beforeKeeping((request, answer) -> records().deleteOne(new Document("_id", leader + "|" + key)));
        ResponseEntity<String> first = post(body, key);
        filter.beforeKeeping(null);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long stored = engine.lastReservedPosition();

        ResponseEntity<String> retry = post(body, key);

        assertThat(retry.getHeaders().getFirst(IdempotencyFilter.REPLAYED)).isEqualTo("true");
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(engine.lastReservedPosition()).as("nothing stored twice").isEqualTo(stored);
    }

    @Test
    void the_renewal_runs_well_inside_the_retention() {
        assertThat(IdempotencyRetention.renewalInterval(Duration.ofSeconds(1))).isEqualTo(Duration.ofMillis(250));
        assertThat(IdempotencyRetention.renewalInterval(Duration.ofHours(24))).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void a_record_keeps_its_time_as_a_date_under_a_ttl_index_of_the_retention() {
        String key = "dated-" + UUID.randomUUID();
        post(task("河道清淤"), key);

        assertThat(record(key).get("at")).isInstanceOf(Date.class);
        List<Document> indexes = records().listIndexes().into(new ArrayList<>());
        assertThat(indexes).filteredOn(index -> IdempotencyRetention.TTL_INDEX.equals(index.getString("name")))
                .singleElement()
                .satisfies(index -> {
                    assertThat(index.get("key", Document.class)).containsEntry("at", 1);
                    assertThat(((Number) index.get("expireAfterSeconds")).longValue()).isEqualTo(RETENTION.toSeconds());
                });
        assertThat(retention.storeExpires()).as("the embedded store has no TTL monitor, so the sweep runs").isFalse();
    }

    @Test
    void records_of_earlier_versions_with_their_time_as_text_get_a_date_and_expire_too() {
        String id = leader + "|text-" + UUID.randomUUID();
        Instant at = clock.instant().minus(RETENTION).minusSeconds(5);
        records().insertOne(new Document("_id", id).append("fingerprint", "f").append("state", "DONE")
                .append("at", at.toString()));

        new IdempotencyRetention(client, connection, clock, RETENTION);

        assertThat(records().find(new Document("_id", id)).first().get("at")).isEqualTo(Date.from(at));
        retention.sweep();
        assertThat(records().find(new Document("_id", id)).first()).isNull();
    }

    private String task(String title) {
        return """
                {"title":"%s","source":"CITY_PARTY_COMMITTEE_GOVERNMENT","leadLeaderId":"cadre-test-bureau-leader",
                 "leadUnitId":"unit-a","coUnitIds":[],"dueDate":"2026-04-30","ledgerMonth":"2026-04"}""".formatted(title);
    }

    private String field(ResponseEntity<String> response, String name) throws Exception {
        return json.readTree(response.getBody()).get(name).asText();
    }

    private Document record(String key) {
        return records().find(new Document("_id", leader + "|" + key)).first();
    }

    private MongoCollection<Document> records() {
        return client.getDatabase(connection.database()).getCollection(IdempotencyFilter.COLLECTION);
    }

    private ResponseEntity<String> post(String body, String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(IdempotencyFilter.HEADER, key);
        return http.withBasicAuth(leader, TestAccounts.PASSWORD)
                .exchange("/api/tasks", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }
}
