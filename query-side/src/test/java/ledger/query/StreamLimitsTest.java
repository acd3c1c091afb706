package ledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;

import ledger.kernel.security.Role;
import ledger.security.TestAccounts;
import ledger.security.UserAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Beyond its limits an instance refuses a stream with a problem document a client can read, not an empty 500. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.store.embedded-persistent=false", "ledger.security.bcrypt-strength=4",
                "ledger.query.max-streams=1", "ledger.query.max-ledger-streams=1"})
class StreamLimitsTest {

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder passwords;

    @BeforeEach
    void signIn() {
        TestAccounts.ensure(accounts, passwords);
    }

    @Test
    void an_event_feed_stream_beyond_the_limit_is_503_with_a_problem_document() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> first = StreamReader.open(url("/api/events/stream"), Role.API_CLIENT,
                "application/x-ndjson", null, lines);
        for (String accept : new String[] {"application/x-ndjson", "text/event-stream"}) {
            HttpResponse<String> second = get("/api/events/stream", Role.API_CLIENT, accept);
            assertThat(second.statusCode()).isEqualTo(503);
            assertThat(second.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(second.headers().firstValue("Retry-After")).isPresent();
            assertThat(second.body()).contains("\"code\":\"TOO_MANY_STREAMS\"");
        }
        first.body().close();
    }

    @Test
    void a_ledger_stream_beyond_the_limit_is_503_with_a_problem_document()
            throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> first = StreamReader.open(url("/api/ledger/2026-03/stream"), Role.BUREAU_OFFICE,
                "text/event-stream", null, lines);
        HttpResponse<String> second = get("/api/ledger/2026-04/stream", Role.BUREAU_OFFICE, "text/event-stream");
        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(second.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(second.body()).contains("\"code\":\"TOO_MANY_STREAMS\"");
        first.body().close();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private HttpResponse<String> get(String path, Role role, String accept) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path))).header("Accept", accept)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((TestAccounts.username(role)
                        + ":" + TestAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
