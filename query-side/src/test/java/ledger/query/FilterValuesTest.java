package ledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ledger.kernel.security.Role;
import ledger.security.ApiDocumentChecks;
import ledger.security.TestAccounts;
import ledger.security.UserAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Every query parameter that takes a value from a closed set, as the API description lists them
 * (so a new one is covered as soon as it is documented): a value outside the set answers 400
 * naming the parameter and every allowed value.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.store.embedded-persistent=false", "ledger.security.bcrypt-strength=4"})
class FilterValuesTest {

    record ClosedParameter(String path, String name, List<String> allowed) {
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder passwords;

    @BeforeEach
    void accounts() {
        TestAccounts.ensure(accounts, passwords);
    }

    @Test
    void a_value_outside_a_closed_set_is_refused_naming_the_allowed_values() throws Exception {
        List<ClosedParameter> parameters = closedParameters(ApiDocumentChecks.document(http));
        assertThat(parameters).extracting(p -> p.path() + "?" + p.name()).contains(
                "/api/ledger/{month}?status", "/api/ledger/{month}?source", "/api/events?types",
                "/api/events/stream?types", "/api/audit/search?types", "/api/cadres/{cadreId}/evidence?format");

        List<String> wrong = new ArrayList<>();
        for (ClosedParameter parameter : parameters) {
            String url = parameter.path().replace("{month}", "2026-03").replaceAll("\\{[^}]+}", "x")
                    + "?" + parameter.name() + "=NoSuchValue";
            JsonNode answer = firstAllowed(url);
            String field = answer.path("errors").path(0).path("field").asText();
            String message = answer.path("errors").path(0).path("message").asText();
            if (answer.path("status").asInt() != 400 || !field.equals(parameter.name())
                    || !parameter.allowed().stream().allMatch(message::contains)) {
                wrong.add(url + " -> " + answer);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void the_allowed_values_still_filter() throws Exception {
        var staff = http.withBasicAuth(TestAccounts.username(Role.BUREAU_OFFICE), TestAccounts.PASSWORD);
        assertThat(staff.getForEntity("/api/ledger/2026-03?status=OVERDUE&source=MINISTRY", String.class)
                .getStatusCode().value()).isEqualTo(200);
        var auditor = http.withBasicAuth(TestAccounts.username(Role.DISCIPLINE_INSPECTION), TestAccounts.PASSWORD);
        assertThat(auditor.getForEntity("/api/events?types=TaskAssignedEvent,ScoreCorrectedEvent&limit=1",
                String.class).getStatusCode().value()).isEqualTo(200);
    }

    /** The answer of the first role the path lets in. */
    private JsonNode firstAllowed(String url) throws Exception {
        String last = null;
        for (Role role : Role.SIGN_IN_ROLES) {
            var answer = http.withBasicAuth(TestAccounts.username(role), TestAccounts.PASSWORD)
                    .getForEntity(url, String.class);
            last = answer.getBody();
            if (answer.getStatusCode().value() != 403) {
                return new ObjectMapper().readTree(last);
            }
        }
        return new ObjectMapper().readTree(last);
    }

    private static List<ClosedParameter> closedParameters(JsonNode document) {
        List<ClosedParameter> found = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (JsonNode parameter : path.getValue().path("get").path("parameters")) {
                JsonNode schema = parameter.path("schema");
                JsonNode values = schema.has("enum") ? schema.path("enum") : schema.path("items").path("enum");
                if ("query".equals(parameter.path("in").asText()) && values.isArray() && !values.isEmpty()) {
                    List<String> allowed = new ArrayList<>();
                    values.forEach(v -> allowed.add(v.asText()));
                    found.add(new ClosedParameter(path.getKey(), parameter.path("name").asText(), allowed));
                }
            }
        }
        return found;
    }
}
