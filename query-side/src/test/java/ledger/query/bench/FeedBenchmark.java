package ledger.query.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.security.Role;
import ledger.kernel.task.ProgressReportedEvent;
import ledger.kernel.task.TaskAssignedEvent;
import ledger.kernel.task.TaskId;
import ledger.kernel.task.TaskSource;
import ledger.query.QuerySideApplication;
import ledger.security.TestAccounts;
import ledger.security.UserAccounts;
import ledger.store.MongoEventStorageEngine;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The event feed's replay rate, as an API client sees it: a query side on the embedded in-memory
 * store is filled with task events (one commit per task: an assignment and nine progress reports), then the
 * whole log is read through HTTP, as pages of 1000 and as one NDJSON stream. Prints figures,
 * asserts nothing. Run: see README ("Benchmark"); -Dbench.events=1000000 for a larger log.
 */
public final class FeedBenchmark {

    private FeedBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int total = Integer.getInteger("bench.events", 100_000);
        System.setProperty("disable-axoniq-console-message", "true");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(QuerySideApplication.class)
                .run("--server.port=0", "--ledger.store.embedded-persistent=false", "--ledger.security.bcrypt-strength=4",
                        "--logging.level.root=WARN")) {
            TestAccounts.ensure(app.getBean(UserAccounts.class), app.getBean(PasswordEncoder.class));
            MongoEventStorageEngine engine = app.getBean(MongoEventStorageEngine.class);
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");

            long fillStart = System.nanoTime();
            fill(engine, total);
            System.out.printf(Locale.ROOT, "filled %,d events in %.1f s%n", total, seconds(fillStart));

            HttpClient http = HttpClient.newHttpClient();
            ObjectMapper json = new ObjectMapper();
            long pagesStart = System.nanoTime();
            long after = 0;
            int read = 0;
            boolean end = false;
            while (!end) {
                Map<String, Object> page = json.readValue(get(http, base + "/api/events?limit=1000&after=" + after,
                        "application/json", HttpResponse.BodyHandlers.ofString()).body(), Map.class);
                read += ((List<?>) page.get("events")).size();
                after = ((Number) page.get("next")).longValue();
                end = (Boolean) page.get("endOfStream");
            }
            double pagesSeconds = seconds(pagesStart);
            System.out.printf(Locale.ROOT, "feed pages of 1000: %,d events in %.1f s = %,.0f ev/s%n", read,
                    pagesSeconds, read / pagesSeconds);

            long streamStart = System.nanoTime();
            HttpResponse<java.io.InputStream> stream = get(http, base + "/api/events/stream?after=0",
                    "application/x-ndjson", HttpResponse.BodyHandlers.ofInputStream());
            int lines = 0;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                while (lines < total && reader.readLine() != null) {
                    lines++;
                }
            }
            double streamSeconds = seconds(streamStart);
            System.out.printf(Locale.ROOT, "feed NDJSON stream: %,d events in %.1f s = %,.0f ev/s%n", lines,
                    streamSeconds, lines / streamSeconds);
        }
        System.exit(0);
    }

    private static void fill(MongoEventStorageEngine engine, int total) {
        int tasks = total / 10;
        Instant at = Instant.parse("2031-01-05T02:00:00Z");
        // one commit per task, as a command would write it
        for (int t = 0; t < tasks; t++) {
            List<DomainEventMessage<?>> commit = new ArrayList<>();
            for (int i = t; i < t + 1; i++) {
                String id = "task-bench-" + i;
                commit.add(new GenericDomainEventMessage<>("Task", id, 0, new TaskAssignedEvent(new TaskId(id),
                        "基准任务 " + i, "说明", TaskSource.MINISTRY, null, new CadreId("cadre-bench-" + (i % 40)),
                        new UnitId("unit-bench-" + (i % 12)), List.of(), LocalDate.parse("2031-01-31"),
                        YearMonth.parse("2031-01"), at, List.of())));
                for (int p = 1; p < 10; p++) {
                    commit.add(new GenericDomainEventMessage<>("Task", id, p, new ProgressReportedEvent(new TaskId(id),
                            p * 10, "第" + p + "次进展", at, null)));
                }
            }
            engine.appendEvents(commit);
        }
    }

    private static <T> HttpResponse<T> get(HttpClient http, String uri, String accept,
                                           HttpResponse.BodyHandler<T> body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).header("Accept", accept)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((TestAccounts.username(
                        Role.API_CLIENT) + ":" + TestAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8))).build(), body);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
