package ledger.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ledger.kernel.security.Role;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/** What Swagger UI needs of a service's API description to sign in, checked the same on both services. */
public final class ApiDocumentChecks {

    private ApiDocumentChecks() {
    }

    /** The document as anyone reads it (it is public). */
    public static JsonNode document(TestRestTemplate http) throws Exception {
        var answer = http.getForEntity("/v3/api-docs", String.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        return new ObjectMapper().readTree(answer.getBody());
    }

    public static void declaresBasicAndBearerOnEveryOperation(JsonNode document) {
        JsonNode schemes = document.path("components").path("securitySchemes");
        assertThat(schemes.path("basic").path("type").asText()).isEqualTo("http");
        assertThat(schemes.path("basic").path("scheme").asText()).isEqualTo("basic");
        assertThat(schemes.path("bearer").path("type").asText()).isEqualTo("http");
        assertThat(schemes.path("bearer").path("scheme").asText()).isEqualTo("bearer");
        assertThat(schemes.path("bearer").path("bearerFormat").asText()).isEqualTo("JWT");

        List<String> unsecured = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            assertThat(path.getKey()).as("public paths are not documented").doesNotStartWith("/actuator/health");
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                operations++;
                List<String> schemesAccepted = new ArrayList<>();
                operation.getValue().path("security").forEach(requirement -> requirement.fieldNames()
                        .forEachRemaining(schemesAccepted::add));
                if (!schemesAccepted.containsAll(List.of("basic", "bearer"))) {
                    unsecured.add(operation.getKey().toUpperCase() + " " + path.getKey() + " " + schemesAccepted);
                }
            }
        }
        assertThat(operations).isPositive();
        assertThat(unsecured).isEmpty();
    }

    /**
     * Swagger UI is served to anyone, and what its Authorize button sends for the basic scheme (an
     * Authorization header on the request it makes for the operation) signs in.
     */
    public static void swaggerUiSignsInWithBasic(TestRestTemplate http, String operationPath) {
        assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode().value()).isEqualTo(200);
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(TestAccounts.username(Role.ADMIN), TestAccounts.PASSWORD);
        var signedIn = http.exchange(operationPath, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        var anonymous = http.getForEntity(operationPath, String.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(signedIn.getStatusCode().value()).isEqualTo(200);
    }
}
