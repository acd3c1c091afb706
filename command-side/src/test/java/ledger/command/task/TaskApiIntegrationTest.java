package ledger.command.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import ledger.command.TestOrganisation;
import ledger.kernel.security.Role;
import ledger.security.TestAccounts;
import ledger.security.UserAccounts;
import ledger.store.MongoEventStorageEngine;
import ledger.store.StoreConnection;
import org.bson.Document;
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

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.store.embedded-persistent=false", "ledger.security.bcrypt-strength=4"})
class TaskApiIntegrationTest {

    private static final String TASK_JSON = """
            {"title":"推进老旧小区改造","source":"CITY_PARTY_COMMITTEE_GOVERNMENT","leadLeaderId":"cadre-test-bureau-leader",
             "leadUnitId":"unit-a","coUnitIds":["unit-c"],"dueDate":"2026-03-31","ledgerMonth":"2026-03"}""";

    @Autowired
    TestRestTemplate http;
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

    @BeforeEach
    void accounts() {
        TestAccounts.ensure(accounts, passwords);
        TestOrganisation.ensure(http);
    }

    @Test
    void assigning_answers_201_with_the_id_version_and_position_and_stores_who_did_it() {
        ResponseEntity<Map> response = post(Role.BUREAU_LEADER, "/api/tasks", TASK_JSON, null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = (String) response.getBody().get("id");
        assertThat(response.getHeaders().getLocation()).hasToString("/api/tasks/" + id);
        assertThat(response.getHeaders().getETag()).isEqualTo("\"0\"");
        assertThat(response.getBody()).containsEntry("version", 0);
        long position = ((Number) response.getBody().get("position")).longValue();

        Document stored = client.getDatabase(connection.database()).getCollection(MongoEventStorageEngine.EVENTS)
                .find(new Document("_id", position)).first();
        Document event = stored.getList("events", Document.class).get(0);
        assertThat(event.getString("aggregateId")).isEqualTo(id);
        assertThat(event.get("payload", Document.class).getString("title")).isEqualTo("推进老旧小区改造");
        Document metaData = event.get("metaData", Document.class);
        assertThat(metaData.getString("actorId")).isEqualTo(TestAccounts.personId(Role.BUREAU_LEADER));
        assertThat(metaData.getString("actorRole")).isEqualTo("BUREAU_LEADER");
        assertThat(metaData.getString("correlationId")).isNotBlank();
        assertThat(metaData.getString("causationId")).isNotBlank();
    }

    @Test
    void reporting_progress_raises_the_version_and_a_stale_if_match_answers_412_and_changes_nothing() {
        String id = assign();

        ResponseEntity<Map> first = post(Role.UNIT_STAFF, "/api/tasks/" + id + "/progress-reports",
                "{\"percent\":30,\"narrative\":\"完成摸底调查\"}", "\"0\"");
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getBody()).containsEntry("version", 1);
        assertThat(first.getHeaders().getETag()).isEqualTo("\"1\"");

        long before = engine.lastReservedPosition();
        ResponseEntity<Map> stale = post(Role.UNIT_STAFF, "/api/tasks/" + id + "/progress-reports",
                "{\"percent\":40,\"narrative\":\"再推进\"}", "\"0\"");
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
        assertThat(stale.getBody()).containsEntry("code", "STALE_VERSION");
        assertThat(engine.readEvents(id).asStream().count()).isEqualTo(2);
        assertThat(engine.lastReservedPosition()).isEqualTo(before);
    }

    @Test
    void every_command_endpoint_honours_if_match() {
        String id = assign();
        post(Role.UNIT_STAFF, "/api/tasks/" + id + "/progress-reports", "{\"percent\":10,\"narrative\":\"起步\"}", null);

        ResponseEntity<Map> stale = post(Role.UNIT_HEAD, "/api/tasks/" + id + "/completion-claims",
                "{\"summary\":\"完成\"}", "\"0\"");
        ResponseEntity<Map> current = post(Role.UNIT_HEAD, "/api/tasks/" + id + "/completion-claims",
                "{\"summary\":\"完成\"}", "\"1\"");

        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
        assertThat(current.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(current.getBody()).containsEntry("version", 2);
    }

    @Test
    void a_rule_violation_answers_409_naming_the_rule() {
        String id = assign();
        post(Role.UNIT_STAFF, "/api/tasks/" + id + "/progress-reports", "{\"percent\":60,\"narrative\":\"过半\"}", null);

        ResponseEntity<Map> backwards = post(Role.UNIT_STAFF, "/api/tasks/" + id + "/progress-reports",
                "{\"percent\":50,\"narrative\":\"回退\"}", null);

        assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(backwards.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(backwards.getBody()).containsEntry("code", "PROGRESS_MAY_NOT_DECREASE");
    }

    @Test
    void a_task_must_name_a_bureau_leader_and_registered_units() {
        long before = engine.lastReservedPosition();
        ResponseEntity<Map> unknownUnit = post(Role.BUREAU_LEADER, "/api/tasks",
                TASK_JSON.replace("\"unit-c\"", "\"unit-nowhere\""), null);
        ResponseEntity<Map> notLeader = post(Role.BUREAU_LEADER, "/api/tasks",
                TASK_JSON.replace("cadre-test-bureau-leader", "cadre-someone"), null);

        assertThat(unknownUnit.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(unknownUnit.getBody()).containsEntry("code", "UNKNOWN_UNIT");
        assertThat(notLeader.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(notLeader.getBody()).containsEntry("code", "NOT_A_BUREAU_LEADER");
        assertThat(engine.lastReservedPosition()).isEqualTo(before);
    }

    @Test
    void progress_on_an_unknown_task_answers_404() {
        ResponseEntity<Map> response = post(Role.UNIT_STAFF, "/api/tasks/task-unknown/progress-reports",
                "{\"percent\":10,\"narrative\":\"x\"}", null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody()).containsEntry("code", "UNKNOWN_RESOURCE");
    }

    @Test
    void bad_input_answers_400_naming_the_field_and_stores_nothing() {
        long before = engine.lastReservedPosition();
        Map<String, String> cases = Map.of(
                "title", TASK_JSON.replace("\"推进老旧小区改造\"", "\"  \""),
                "source", TASK_JSON.replace("CITY_PARTY_COMMITTEE_GOVERNMENT", "NOWHERE"),
                "leadLeaderId", TASK_JSON.replace("cadre-test-bureau-leader", "王 局长!"),
                "dueDate", TASK_JSON.replace("2026-03-31", "31/03/2026"),
                "ledgerMonth", TASK_JSON.replace("\"ledgerMonth\":\"2026-03\"", "\"ledgerMonth\":null"),
                "spoofedActor", TASK_JSON.replace("}", ",\"spoofedActor\":\"director\"}"),
                "body", "{not json");
        cases.forEach((field, body) -> {
            ResponseEntity<Map> response = post(Role.BUREAU_LEADER, "/api/tasks", body, null);
            assertThat(response.getStatusCode()).as(field).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getBody()).as(field).containsEntry("code", "INVALID_INPUT");
            List<Map<String, String>> errors = (List<Map<String, String>>) response.getBody().get("errors");
            assertThat(errors).as(field).extracting(e -> e.get("field")).contains(field);
            assertThat(response.getBody().toString()).as(field).doesNotContain("Exception", "at ledger.");
        });

        String id = assign();
        ResponseEntity<Map> percent = post(Role.UNIT_STAFF, "/api/tasks/" + id + "/progress-reports",
                "{\"percent\":101,\"narrative\":\"超额\"}", null);
        assertThat(percent.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<Map> ifMatch = post(Role.UNIT_STAFF, "/api/tasks/" + id + "/progress-reports",
                "{\"percent\":10,\"narrative\":\"x\"}", "\"latest\"");
        assertThat(ifMatch.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        assertThat(engine.lastReservedPosition()).isEqualTo(before + 1); // only the assignment above
    }

    @Test
    void staff_report_only_on_tasks_of_their_own_unit_and_a_refusal_stores_nothing() {
        String id = assign();
        long before = engine.lastReservedPosition();

        ResponseEntity<Map> otherUnit = post(TestAccounts.STAFF_OF_UNIT_B, "/api/tasks/" + id + "/progress-reports",
                "{\"percent\":10,\"narrative\":\"越权填报\"}", null);

        assertThat(otherUnit.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(otherUnit.getBody()).containsEntry("code", "NOT_A_TASK_UNIT");
        assertThat(engine.lastReservedPosition()).isEqualTo(before);
        assertThat(post(Role.UNIT_HEAD, "/api/tasks/" + id + "/progress-reports",
                "{\"percent\":10,\"narrative\":\"本处室填报\"}", null).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void an_actor_named_in_the_body_is_refused_and_the_event_names_the_signed_in_person() {
        String id = assign();
        long before = engine.lastReservedPosition();

        ResponseEntity<Map> spoofed = post(Role.UNIT_STAFF, "/api/tasks/" + id + "/progress-reports",
                "{\"percent\":10,\"narrative\":\"x\",\"actorId\":\"cadre-director\",\"actorRole\":\"BUREAU_LEADER\"}",
                null);
        assertThat(spoofed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(engine.lastReservedPosition()).isEqualTo(before);

        long position = ((Number) post(Role.UNIT_STAFF, "/api/tasks/" + id + "/progress-reports",
                "{\"percent\":10,\"narrative\":\"x\"}", null).getBody().get("position")).longValue();
        Document metaData = client.getDatabase(connection.database()).getCollection(MongoEventStorageEngine.EVENTS)
                .find(new Document("_id", position)).first().getList("events", Document.class).get(0)
                .get("metaData", Document.class);
        assertThat(metaData.getString("actorId")).isEqualTo(TestAccounts.personId(Role.UNIT_STAFF));
        assertThat(metaData.getString("actorRole")).isEqualTo("UNIT_STAFF");
        assertThat(metaData.getString("actorUnit")).isEqualTo(TestAccounts.UNIT_A);
    }

    @Test
    void a_retried_post_with_the_same_idempotency_key_has_one_effect_and_the_same_answer() {
        long before = engine.lastReservedPosition();
        ResponseEntity<Map> first = post(TestAccounts.username(Role.BUREAU_LEADER), "/api/tasks", TASK_JSON, null,
                "assign-2026-03-001");
        ResponseEntity<Map> retry = post(TestAccounts.username(Role.BUREAU_LEADER), "/api/tasks", TASK_JSON, null,
                "assign-2026-03-001");

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(engine.lastReservedPosition()).isEqualTo(before + 1);

        ResponseEntity<Map> otherBody = post(TestAccounts.username(Role.BUREAU_LEADER), "/api/tasks",
                TASK_JSON.replace("推进老旧小区改造", "另一项任务"), null, "assign-2026-03-001");
        assertThat(otherBody.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(otherBody.getBody()).containsEntry("code", "IDEMPOTENCY_KEY_REUSED");
        assertThat(engine.lastReservedPosition()).isEqualTo(before + 1);
    }

    @Test
    void idempotency_keys_belong_to_the_person_who_sent_them() {
        String id = assign();
        String report = "{\"percent\":20,\"narrative\":\"同一个键\"}";

        ResponseEntity<Map> head = post(TestAccounts.username(Role.UNIT_HEAD), "/api/tasks/" + id + "/progress-reports",
                report, null, "weekly-report");
        ResponseEntity<Map> staff = post(TestAccounts.username(Role.UNIT_STAFF), "/api/tasks/" + id + "/progress-reports",
                report, null, "weekly-report");

        assertThat(head.getBody()).containsEntry("version", 1);
        assertThat(staff.getBody()).containsEntry("version", 2);
    }

    @Test
    void the_api_is_described_and_health_shows_the_store() {
        assertThat(http.getForEntity("/v3/api-docs", String.class).getBody()).contains("/api/tasks/{taskId}/progress-reports");
        ResponseEntity<Map> health = http.withBasicAuth(TestAccounts.username(Role.ADMIN), TestAccounts.PASSWORD)
                .getForEntity("/actuator/health", Map.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody().toString()).contains("eventStore", "eventProcessors");
        // anyone may ask whether the service is up, but not where its data lies or how far it is
        ResponseEntity<Map> anonymous = http.getForEntity("/actuator/health", Map.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(anonymous.getBody()).containsEntry("status", "UP").doesNotContainKey("components");
    }

    private String assign() {
        return (String) post(Role.BUREAU_LEADER, "/api/tasks", TASK_JSON, null).getBody().get("id");
    }

    private ResponseEntity<Map> post(Role role, String path, String json, String ifMatch) {
        return post(TestAccounts.username(role), path, json, ifMatch);
    }

    private ResponseEntity<Map> post(String username, String path, String json, String ifMatch) {
        return post(username, path, json, ifMatch, null);
    }

    private ResponseEntity<Map> post(String username, String path, String json, String ifMatch, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            headers.setIfMatch(ifMatch);
        }
        return http.withBasicAuth(username, TestAccounts.PASSWORD)
                .exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), Map.class);
    }
}
