package ledger.query.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.security.Role;
import ledger.kernel.task.ProgressReportedEvent;
import ledger.kernel.task.TaskAssignedEvent;
import ledger.kernel.task.TaskId;
import ledger.kernel.task.TaskSource;
import ledger.query.QuerySideApplication;
import ledger.query.TestNotary;
import ledger.security.TestAccounts;
import ledger.security.UserAccounts;
import ledger.store.MongoEventStorageEngine;
import ledger.storeserver.EmbeddedStoreServer;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Two query-side instances on one store: the first owns every segment of the views, the second
 * none. A read on the second that asks for a position must answer as soon as one on the owner
 * does: the views' progress is decided from the shared token store and log, not from the live
 * state of whichever instance processes them, nor from tokens that an idle segment stores only
 * every few seconds.
 */
class TwoInstancesIntegrationTest {

    private static final EmbeddedStoreServer STORE = EmbeddedStoreServer.inMemory("127.0.0.1", 0);
    private static final String MONTH = "2027-05";
    private static final int ROUNDS = 12;

    private static ConfigurableApplicationContext owner;
    private static ConfigurableApplicationContext other;

    @BeforeAll
    static void start() {
        owner = instance("query-owner");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> segmentsHere(owner, "ledger") == 4);
        other = instance("query-other");
        TestAccounts.ensure(owner.getBean(UserAccounts.class), owner.getBean(PasswordEncoder.class));
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {other, owner}) {
            if (context != null) {
                context.close();
            }
        }
        STORE.close();
    }

    private static ConfigurableApplicationContext instance(String node) {
        return new SpringApplicationBuilder(QuerySideApplication.class, TestNotary.Sealing.class).run("--server.port=0",
                "--ledger.store.uri=" + STORE.connectionString(), "--ledger.store.database=two-instances",
                "--ledger.store.node-id=" + node, "--ledger.security.bcrypt-strength=4",
                "--ledger.query.max-wait=4s");
    }

    private static int segmentsHere(ConfigurableApplicationContext context, String processor) {
        return context.getBean(EventProcessingConfiguration.class)
                .eventProcessor(processor, StreamingEventProcessor.class)
                .map(p -> p.processingStatus().size()).orElse(0);
    }

    private static TestRestTemplate http(ConfigurableApplicationContext context, Role role) {
        return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:"
                + context.getEnvironment().getProperty("local.server.port")))
                .withBasicAuth(TestAccounts.username(role), TestAccounts.PASSWORD);
    }

    record Read(int status, long version, long millis, String detail) {
    }

    private static Read read(TestRestTemplate http, String task, long position) {
        long started = System.nanoTime();
        ResponseEntity<Map> answer = http.getForEntity("/api/tasks/" + task + "?minPosition=" + position, Map.class);
        long millis = (System.nanoTime() - started) / 1_000_000;
        Map<String, Object> body = answer.getBody();
        Object version = body == null ? null : body.get("version");
        return new Read(answer.getStatusCode().value(), version instanceof Number n ? n.longValue() : -1, millis,
                body == null ? null : String.valueOf(body.get("detail")));
    }

    private static long median(List<Read> reads) {
        return reads.stream().mapToLong(Read::millis).sorted().skip(reads.size() / 2).findFirst().orElseThrow();
    }

    @Test
    void a_read_for_a_position_on_the_instance_that_owns_no_segment_answers_as_soon_as_on_the_owner() {
        assertThat(segmentsHere(other, "ledger")).as("segments of the ledger view on the second instance").isZero();
        EventStore events = owner.getBean(EventStore.class);
        MongoEventStorageEngine engine = owner.getBean(MongoEventStorageEngine.class);
        TestRestTemplate onOwner = http(owner, Role.BUREAU_OFFICE);
        TestRestTemplate onOther = http(other, Role.BUREAU_OFFICE);
        List<Read> ownerReads = new ArrayList<>();
        List<Read> otherReads = new ArrayList<>();

        for (int round = 0; round < ROUNDS; round++) {
            // one event at a time, of one task: the other segments of the view have nothing to do
            String task = "task-two-" + round;
            events.publish(new GenericDomainEventMessage<>("Task", task, 0, new TaskAssignedEvent(new TaskId(task),
                    "任务 " + task, null, TaskSource.PARTY_GROUP_MEETING, "党组会〔2027〕5号", new CadreId("leader-li"),
                    new UnitId("office"), List.of(), YearMonth.parse(MONTH).atEndOfMonth(), YearMonth.parse(MONTH),
                    Instant.parse("2027-05-01T01:00:00Z"), List.of())));
            events.publish(new GenericDomainEventMessage<>("Task", task, 1, new ProgressReportedEvent(new TaskId(task), 30,
                    "进展", Instant.parse("2027-05-02T01:00:00Z"), null)));
            long position = engine.lastReservedPosition();
            CompletableFuture<Read> fromOther = CompletableFuture.supplyAsync(() -> read(onOther, task, position));
            Read fromOwner = read(onOwner, task, position);
            ownerReads.add(fromOwner);
            otherReads.add(fromOther.join());
            pause(300); // the owner's idle segments store their tokens only every few seconds
        }

        org.slf4j.LoggerFactory.getLogger(TwoInstancesIntegrationTest.class).info(
                "Reads for a position: on the owner {}, on the other instance {}", ownerReads, otherReads);
        assertThat(otherReads).as("reads on the instance that owns no segment")
                .allSatisfy(read -> assertThat(read.status()).as(read.toString()).isEqualTo(200))
                .allSatisfy(read -> assertThat(read.version()).as(read.toString()).isEqualTo(1));
        assertThat(ownerReads).as("reads on the owner")
                .allSatisfy(read -> assertThat(read.status()).as(read.toString()).isEqualTo(200));
        assertThat(median(otherReads)).as("median wait on the other instance (owner: %s ms; all: %s)",
                median(ownerReads), otherReads).isLessThanOrEqualTo(median(ownerReads) + 500);
    }

    @Test
    void both_instances_report_the_same_progress_and_a_refusal_names_the_position_it_saw() {
        TestRestTemplate onOther = http(other, Role.BUREAU_OFFICE);
        long head = owner.getBean(MongoEventStorageEngine.class).lastReservedPosition();

        ResponseEntity<Map> ahead = onOther.getForEntity("/api/ledger/" + MONTH + "?minPosition=" + (head + 1000), Map.class);

        assertThat(ahead.getStatusCode().value()).isEqualTo(503);
        assertThat(ahead.getBody()).containsEntry("code", "VIEW_NOT_YET_CURRENT");
        Object seen = ahead.getBody().get("position");
        if (seen != null) {
            assertThat(((Number) seen).longValue()).isLessThan(head + 1000);
            assertThat((String) ahead.getBody().get("detail")).contains("reached position " + seen + ", not yet "
                    + (head + 1000));
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Map<String, Object> ownerView = ledgerProcessor(owner);
            Map<String, Object> otherView = ledgerProcessor(other);
            assertThat(ownerView).containsEntry("caughtUp", true);
            assertThat(otherView).containsEntry("caughtUp", true).containsEntry("segmentsHere", List.of())
                    .containsEntry("position", ownerView.get("position"));
        });
    }

    private static Map<String, Object> ledgerProcessor(ConfigurableApplicationContext context) {
        List<Map<String, Object>> processors = http(context, Role.ADMIN).getForObject("/api/admin/processors", List.class);
        return processors.stream().filter(p -> "ledger".equals(p.get("name"))).findFirst().orElseThrow();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
