package ledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import ledger.kernel.security.Role;
import ledger.security.TestAccounts;
import ledger.security.UserAccounts;
import ledger.store.MongoEventStorageEngine;
import ledger.web.MalformedRequests;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Bad input is refused naming the field at fault, as a problem document, and stores nothing: keys
 * given twice, text after the JSON, numbers out of range or not whole, dates outside the days the
 * ledger speaks of, control characters and invisible-only text.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.store.embedded-persistent=false", "ledger.security.bcrypt-strength=4"})
class RequestInputTest {

    private static final String TASK = """
            {"title":"%s","source":"MINISTRY","leadLeaderId":"cadre-test-bureau-leader","leadUnitId":"unit-a",
             "dueDate":%s,"ledgerMonth":%s}""";

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    MongoEventStorageEngine engine;

    @BeforeEach
    void organisation() {
        TestAccounts.ensure(accounts, passwords);
        TestOrganisation.ensure(http);
    }

    @Test
    void every_out_of_range_date_is_refused_naming_its_field() {
        for (String due : List.of("\"+999999999-12-31\"", "\"0000-01-01\"", "\"-0001-06-30\"", "\"1949-12-31\"",
                "\"2101-01-01\"")) {
            assertRefused(task(TASK.formatted("日期测试", due, "\"2026-03\"")), "dueDate");
        }
        for (String month : List.of("\"+999999999-12\"", "\"0000-01\"", "\"2101-01\"")) {
            assertRefused(task(TASK.formatted("日期测试", "\"2026-03-31\"", month)), "ledgerMonth");
        }
        assertThat(task(TASK.formatted("日期测试", "\"2100-12-31\"", "\"2026-03\"")).getStatusCode().value())
                .isEqualTo(201);
    }

    @Test
    void text_must_be_readable() {
        assertRefused(task(TASK.formatted("\\u0007响铃", "\"2026-03-31\"", "\"2026-03\"")), "title");
        assertRefused(task(TASK.formatted("\\u200b\\u200b", "\"2026-03-31\"", "\"2026-03\"")), "title");
        assertRefused(task(TASK.formatted("\\ufeff \\u2060", "\"2026-03-31\"", "\"2026-03\"")), "title");
    }

    @Test
    void json_means_exactly_what_it_says() {
        String task = (String) task(TASK.formatted("进度测试", "\"2026-03-31\"", "\"2026-03\"")).getBody().get("id");
        String reports = "/api/tasks/" + task + "/progress-reports";
        assertRefused(post(Role.UNIT_STAFF, reports, "{\"percent\":10,\"percent\":90,\"narrative\":\"两次\"}"), "percent");
        assertRefused(post(Role.UNIT_STAFF, reports, "{\"percent\":1.5,\"narrative\":\"小数\"}"), "percent");
        assertRefused(post(Role.UNIT_STAFF, reports, "{\"percent\":99999999999,\"narrative\":\"太大\"}"), "percent");
        assertRefused(post(Role.UNIT_STAFF, reports, "{\"percent\":1e309,\"narrative\":\"溢出\"}"), "percent");
        assertRefused(post(Role.UNIT_STAFF, reports, "{\"percent\":NaN,\"narrative\":\"非数\"}"), "percent");
        assertRefused(post(Role.UNIT_STAFF, reports, "{\"percent\":10,\"narrative\":\"尾巴\"} {\"x\":1}"), "body");
    }

    @Test
    void requests_the_container_refuses_are_problem_documents() throws Exception {
        MalformedRequests.assertAnsweredWithProblems(port);
    }

    @Test
    void the_error_page_is_a_problem_document_for_anybody() throws Exception {
        MalformedRequests.assertErrorPageIsAProblem(port);
    }

    @Test
    void unknown_paths_are_404_and_wrong_methods_405_for_a_signed_in_person() {
        TestRestTemplate admin = http.withBasicAuth(TestAccounts.username(Role.ADMIN), TestAccounts.PASSWORD);
        for (String path : List.of("/api/nothing", "/api/ledger/2026-03")) {
            ResponseEntity<Map> unknown = admin.getForEntity(path, Map.class);
            assertThat(unknown.getStatusCode().value()).as(path).isEqualTo(404);
            assertThat(unknown.getBody()).containsEntry("code", "UNKNOWN_RESOURCE");
            assertThat((String) unknown.getBody().get("detail")).contains(path);
        }
        ResponseEntity<Map> wrongMethod = admin.getForEntity("/api/tasks", Map.class);
        assertThat(wrongMethod.getStatusCode().value()).isEqualTo(405);
        assertThat(wrongMethod.getHeaders().getAllow()).isNotEmpty();
        assertThat(wrongMethod.getBody()).containsKey("code");
        assertThat(http.getForEntity("/api/nothing", Map.class).getStatusCode().value()).as("anonymous").isEqualTo(401);
    }

    private void assertRefused(ResponseEntity<Map> response, String field) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(400);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat((List<Map<String, String>>) response.getBody().get("errors"))
                .as(String.valueOf(response.getBody())).extracting(e -> e.get("field")).containsExactly(field);
    }

    private ResponseEntity<Map> task(String json) {
        TrackingToken before = engine.createHeadToken();
        ResponseEntity<Map> response = post(Role.BUREAU_LEADER, "/api/tasks", json);
        if (response.getStatusCode().value() != 201) {
            assertThat(engine.createHeadToken()).as("a refused command stores nothing").isEqualTo(before);
        }
        return response;
    }

    private ResponseEntity<Map> post(Role role, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(TestAccounts.username(role), TestAccounts.PASSWORD)
                .postForEntity(path, new HttpEntity<>(json, headers), Map.class);
    }
}
