package ledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import ledger.kernel.security.Role;
import ledger.security.TestAccounts;
import ledger.security.UserAccounts;
import ledger.store.MongoEventStorageEngine;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What a browser sends on its own, with credentials it remembered, never reaches a command: a
 * form posted from another site, a post whose fetch metadata says cross-site, and a form posted
 * without an origin, on every endpoint that changes something, by every role. Bodies over the
 * limit are refused before they are read into memory.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.store.embedded-persistent=false", "ledger.security.bcrypt-strength=4"})
class CrossSiteRequestTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    MongoEventStorageEngine engine;

    @BeforeEach
    void accounts() {
        TestAccounts.ensure(accounts, passwords);
    }

    @Test
    void a_form_posted_from_another_site_or_without_json_reaches_no_command_on_any_endpoint() throws Exception {
        List<String[]> endpoints = unsafeEndpoints();
        assertThat(endpoints).hasSizeGreaterThan(30);
        TrackingToken before = engine.createHeadToken();
        for (String[] endpoint : endpoints) {
            for (Role role : Role.SIGN_IN_ROLES) {
                HttpResponse<String> foreign = send(endpoint, role, "application/x-www-form-urlencoded", "approved=true",
                        "Origin", "https://evil.example");
                assertThat(foreign.statusCode()).as("%s from another origin", String.join(" ", endpoint)).isEqualTo(403);
                assertThat(foreign.body()).contains("\"code\":\"CROSS_SITE_REQUEST\"");
                HttpResponse<String> fetched = send(endpoint, role, "application/json", "{}", "Sec-Fetch-Site",
                        "cross-site");
                assertThat(fetched.statusCode()).as("%s fetched cross-site", String.join(" ", endpoint)).isEqualTo(403);
                HttpResponse<String> form = send(endpoint, role, "text/plain", "{\"approved\":true}", "Origin",
                        "http://localhost:" + port);
                assertThat(form.statusCode()).as("%s as text/plain", String.join(" ", endpoint)).isEqualTo(415);
                assertThat(form.body()).contains("\"code\":\"UNSUPPORTED_MEDIA_TYPE\"");
            }
        }
        Set<String> people = Role.SIGN_IN_ROLES.stream().map(TestAccounts::personId).collect(Collectors.toSet());
        long position = before == null ? -1 : before.position().orElse(-1);
        assertThat(engine.readEvents(new GlobalSequenceTrackingToken(position), false)
                .filter(event -> people.contains(Objects.toString(event.getMetaData().get("actorId"), ""))).count())
                .isZero();
    }

    @Test
    void a_same_origin_json_command_still_goes_through_and_an_allowed_one_has_no_prompting_challenge()
            throws Exception {
        HttpResponse<String> own = send(new String[] {"POST", "/api/units"}, Role.PERSONNEL_OFFICE, "application/json",
                "{\"unitId\":\"unit-own-origin\",\"name\":\"同源处室\",\"kind\":\"DIVISION\"}",
                "Origin", "http://localhost:" + port);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
        HttpResponse<String> anonymous = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/me")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).doesNotStartWithIgnoringCase("basic"));
    }

    @Test
    void a_body_over_the_limit_is_refused_whether_its_length_is_declared_or_not() throws Exception {
        byte[] large = ("{\"unitId\":\"u\",\"name\":\"" + "大".repeat(400_000) + "\",\"kind\":\"DIVISION\"}")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> declared = CLIENT.send(request("/api/units", Role.PERSONNEL_OFFICE)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(large)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
        HttpResponse<String> chunked = CLIENT.send(request("/api/units", Role.PERSONNEL_OFFICE)
                .header("Content-Type", "application/json").header("Idempotency-Key", "large-1")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
        HttpResponse<String> small = CLIENT.send(request("/api/units", Role.PERSONNEL_OFFICE)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream("{\"unitId\":\"unit-chunked\",\"name\":\"分块处室\",\"kind\":\"DIVISION\"}"
                                .getBytes(StandardCharsets.UTF_8)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(small.statusCode()).as(small.body()).isEqualTo(201);
    }

    /** Every mapped method and path that changes something, path variables filled with a placeholder. */
    private List<String[]> unsafeEndpoints() {
        return mappings.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getMethodsCondition().getMethods().stream()
                        .filter(m -> m != RequestMethod.GET && m != RequestMethod.HEAD && m != RequestMethod.OPTIONS)
                        .flatMap(m -> info.getPatternValues().stream()
                                .map(path -> new String[] {m.name(), path.replaceAll("\\{[^}]+}", "x")})))
                .toList();
    }

    private HttpResponse<String> send(String[] endpoint, Role role, String contentType, String body, String header,
                                      String value) throws Exception {
        return CLIENT.send(request(endpoint[1], role).header("Content-Type", contentType).header(header, value)
                .method(endpoint[0], HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, Role role) {
        String credentials = TestAccounts.username(role) + ":" + TestAccounts.PASSWORD;
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
}
