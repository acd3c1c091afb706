package ledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ledger.kernel.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * {@code docs/request-bodies.md} (linked from the README) lists every command endpoint's body:
 * each field with its type, whether it is required, its bounds and its meaning, as the command side's
 * OpenAPI document states them (from the request records' validation and {@code @Schema} descriptions).
 * This test renders the document from the running command side's {@code /v3/api-docs} and fails when
 * the file differs, so the tables follow the API, and when a field has no meaning. Regenerate the file with
 * {@code ./mvnw -B -ntp -q -pl command-side -am test -Dtest=RequestBodiesDocumentTest -Dsurefire.failIfNoSpecifiedTests=false -Dledger.docs.write=true}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.store.embedded-persistent=false", "ledger.security.bcrypt-strength=4"})
class RequestBodiesDocumentTest {

    static final Path FILE = Path.of("..", "docs", "request-bodies.md");

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    @Test
    void the_request_bodies_document_lists_every_field_of_every_command_body() throws Exception {
        JsonNode api = json.readTree(http.getForObject("/v3/api-docs", String.class));
        List<String> unexplained = new ArrayList<>();
        String rendered = render(api, unexplained);
        assertThat(unexplained).as("request fields without a meaning: give each an @Schema(description) on the "
                + "request record's component").isEmpty();
        if (Boolean.getBoolean("ledger.docs.write")) {
            Files.writeString(FILE, rendered, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
                .as("docs/request-bodies.md is out of date; regenerate it (see this test's comment)")
                .isEqualTo(rendered);
        assertThat(rendered).as("the bodies of the commands the README shows")
                .contains("## `POST /api/tasks`", "## `POST /api/accounts`", "## `POST /api/scores`",
                        "| `leadUnitId` | text | yes |");
    }

    /** No account can have SYSTEM (AccountGrantPolicy refuses it), so the bodies that give a role do not offer it. */
    @Test
    void the_roles_a_body_can_give_are_the_roles_a_person_can_sign_in_with() throws Exception {
        JsonNode schemas = json.readTree(http.getForObject("/v3/api-docs", String.class)).path("components")
                .path("schemas");
        List<String> grantable = Role.SIGN_IN_ROLES.stream().map(Role::name).toList();
        for (String body : List.of("OpenAccountRequest", "ChangeRole")) {
            List<String> offered = new ArrayList<>();
            schemas.path(body).path("properties").path("role").path("enum").forEach(role -> offered.add(role.asText()));
            assertThat(offered).as(body + ".role").containsExactlyElementsOf(grantable).doesNotContain("SYSTEM");
        }
    }

    /** The document of the bodies; each field that has no meaning yet is added to {@code unexplained} as Body.field. */
    static String render(JsonNode api, List<String> unexplained) {
        JsonNode schemas = api.path("components").path("schemas");
        StringBuilder out = new StringBuilder("""
                # Request bodies of the command side

                Generated from the command side's OpenAPI document (`/v3/api-docs`) by `RequestBodiesDocumentTest`,
                which fails when this file no longer matches the API; do not edit by hand. Every body is JSON
                (`Content-Type: application/json`). A field that is not required may be left out or `null`.
                Everywhere: a field not listed here, a key given twice, text after the JSON, a number out of
                range or not whole where a whole one belongs, a date outside 1950-01-01 … 2100-12-31, control
                characters, or text that is only invisible characters is refused with 400 naming the field.
                Who may send each request, and what it does: the README ("Signing in and roles", "Using it").
                Bodies that are the same record appear under each endpoint.

                """);
        Map<String, JsonNode> posts = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("post", "put", "patch")) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null && path.getKey().startsWith("/api/")) {
                    posts.put(path.getKey() + " " + method.toUpperCase(), operation);
                }
            }
        }
        Set<String> nested = new LinkedHashSet<>();
        List<String> withoutBody = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : posts.entrySet()) {
            String[] key = entry.getKey().split(" ");
            JsonNode body = entry.getValue().path("requestBody");
            JsonNode schema = body.path("content").path("application/json").path("schema");
            if (schema.isMissingNode()) {
                withoutBody.add("`" + key[1] + " " + key[0] + "`");
                continue;
            }
            String name = refName(schema);
            out.append("## `").append(key[1]).append(' ').append(key[0]).append("`\n\n");
            out.append("Body `").append(name).append('`').append(body.path("required").asBoolean(false) ? "" : " (optional)")
                    .append(".\n\n");
            table(out, name, schemas, nested, unexplained);
        }
        Set<String> done = new LinkedHashSet<>();
        while (!nested.isEmpty()) {
            String name = nested.iterator().next();
            nested.remove(name);
            if (done.add(name)) {
                out.append("## `").append(name).append("` (inside a body)\n\n");
                table(out, name, schemas, nested, unexplained);
            }
        }
        out.append("## Without a body\n\n").append(String.join(", ", withoutBody)).append(".\n");
        return out.toString();
    }

    private static void table(StringBuilder out, String name, JsonNode schemas, Set<String> nested,
                              List<String> unexplained) {
        JsonNode schema = schemas.path(name);
        Set<String> required = new LinkedHashSet<>();
        schema.path("required").forEach(field -> required.add(field.asText()));
        out.append("| field | type | required | bounds and meaning |\n|---|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode property = field.getValue();
            if (property.path("description").asText("").isBlank() && !unexplained.contains(name + "." + field.getKey())) {
                unexplained.add(name + "." + field.getKey());
            }
            out.append("| `").append(field.getKey()).append("` | ").append(type(property, schemas, nested)).append(" | ")
                    .append(required.contains(field.getKey()) ? "yes" : "no").append(" | ")
                    .append(bounds(property, schemas)).append(" |\n");
        }
        out.append('\n');
    }

    private static String type(JsonNode property, JsonNode schemas, Set<String> nested) {
        if (property.has("$ref")) {
            String name = refName(property);
            JsonNode target = schemas.path(name);
            if (target.has("enum")) {
                return "one of " + values(target.path("enum"));
            }
            nested.add(name);
            return "`" + name + "`";
        }
        if (property.has("enum")) {
            return "one of " + values(property.path("enum"));
        }
        String type = property.path("type").asText("");
        String format = property.path("format").asText("");
        return switch (type) {
            case "array" -> "list of " + type(property.path("items"), schemas, nested);
            case "string" -> switch (format) {
                case "date" -> "date (`2026-12-31`)";
                case "date-time" -> "instant (`2026-12-05T09:00:00+08:00`)";
                case "year-month" -> "month (`2026-12`)";
                case "" -> property.has("pattern") ? "text matching `" + property.path("pattern").asText() + "`" : "text";
                default -> "text (" + format + ")";
            };
            case "integer" -> "whole number";
            case "number" -> "number";
            case "boolean" -> "`true` or `false`";
            case "object" -> "object";
            default -> type.isEmpty() ? "any" : type;
        };
    }

    private static String bounds(JsonNode property, JsonNode schemas) {
        List<String> said = new ArrayList<>();
        if (property.has("description")) {
            said.add(property.path("description").asText().replace("|", "\\|").replace("\n", " "));
        }
        if (property.has("minLength") || property.has("maxLength")) {
            said.add(length(property));
        }
        if (property.has("minimum") || property.has("maximum")) {
            said.add(range(property, "minimum", "maximum"));
        }
        if (property.has("minItems") || property.has("maxItems")) {
            said.add(range(property, "minItems", "maxItems") + " items");
        }
        JsonNode items = property.path("items");
        if (items.has("minLength") || items.has("maxLength")) {
            said.add("each " + length(items));
        }
        if (items.has("minimum") || items.has("maximum")) {
            said.add("each " + range(items, "minimum", "maximum"));
        }
        return said.isEmpty() ? "" : String.join("; ", said);
    }

    /** Text bounds as validation gives them: {@code @NotBlank} is a minimum of 1, {@code @Size(max)} a minimum of 0. */
    private static String length(JsonNode node) {
        int min = node.path("minLength").asInt(0);
        if (!node.has("maxLength")) {
            return min == 1 ? "not blank" : "at least " + min + " characters";
        }
        return min <= 1 ? (min == 1 ? "not blank, " : "") + "at most " + node.path("maxLength").asText() + " characters"
                : min + "–" + node.path("maxLength").asText() + " characters";
    }

    private static String range(JsonNode node, String min, String max) {
        if (node.has(min) && node.has(max)) {
            return node.path(min).asText() + "–" + node.path(max).asText();
        }
        return node.has(min) ? "at least " + node.path(min).asText() : "at most " + node.path(max).asText();
    }

    private static String values(JsonNode values) {
        List<String> all = new ArrayList<>();
        values.forEach(value -> all.add("`" + value.asText() + "`"));
        return String.join(", ", all);
    }

    private static String refName(JsonNode schema) {
        String ref = schema.path("$ref").asText();
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
