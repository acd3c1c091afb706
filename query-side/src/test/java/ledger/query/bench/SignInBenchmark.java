package ledger.query.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

import ledger.kernel.security.Role;
import ledger.query.QuerySideApplication;
import ledger.security.TestAccounts;
import ledger.security.UserAccounts;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What HTTP Basic costs per request with the stock bcrypt strength (10): the same reads with verified
 * credentials remembered (the default) and with every request checking bcrypt again
 * ({@code LEDGER_VERIFIED_CREDENTIAL_TTL=0}). Prints figures, asserts nothing. Run: see README ("Benchmark").
 */
public final class SignInBenchmark {

    private static final String[] READS = {"/api/me", "/api/ledger/2031-01"};

    private SignInBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int requests = Integer.getInteger("bench.requests", 200);
        System.setProperty("disable-axoniq-console-message", "true");
        for (String ttl : new String[] {"5m", "0"}) {
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(QuerySideApplication.class)
                    .run("--server.port=0", "--ledger.store.embedded-persistent=false",
                            "--ledger.security.bcrypt-strength=10", "--ledger.security.verified-credential-ttl=" + ttl,
                            "--logging.level.root=WARN")) {
                TestAccounts.ensure(app.getBean(UserAccounts.class), app.getBean(PasswordEncoder.class));
                String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
                HttpClient http = HttpClient.newHttpClient();
                for (String path : READS) {
                    for (int i = 0; i < 20; i++) {
                        get(http, base + path);
                    }
                    long[] nanos = new long[requests];
                    for (int i = 0; i < requests; i++) {
                        long start = System.nanoTime();
                        get(http, base + path);
                        nanos[i] = System.nanoTime() - start;
                    }
                    Arrays.sort(nanos);
                    System.out.printf(Locale.ROOT, "bcrypt-10, verified credentials remembered for %s: GET %s "
                            + "p50 %.1f ms, p95 %.1f ms%n", ttl, path, nanos[requests / 2] / 1e6,
                            nanos[(int) (requests * 0.95)] / 1e6);
                }
            }
        }
        System.exit(0);
    }

    private static void get(HttpClient http, String uri) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((TestAccounts.username(
                        Role.BUREAU_OFFICE) + ":" + TestAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
