package ledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ledger.command.TestOrganisation;
import ledger.kernel.security.Role;
import ledger.kernel.shared.BureauTime;
import ledger.query.QuerySideApplication;
import ledger.security.TestAccounts;
import ledger.security.UserAccounts;
import ledger.storeserver.EmbeddedStoreServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Figures, not assertions: how long the query side takes to answer the ledger page of a month of about
 * 200 tasks and the my-work page, on the embedded store holding a year of demo-sized data (eleven earlier
 * months of 15 tasks each, most reported, claimed and verified, two a month left open and carried over; then
 * this month's 40 tasks with a progress report each: this month's ledger shows 205, as every earlier task
 * was verified during it or is still open). Each page is asked for {@code bench.requests} times
 * (default 200) after {@code bench.warmup} (50) by a signed-in person over HTTP on localhost, one at a time;
 * p50/p95/max are printed. Target: p95 under 150 ms. Not part of {@code verify} (not named *Test):
 *
 * <pre>./mvnw -B -ntp -q -pl command-side -am test -Dtest=WebPageBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.security.bcrypt-strength=4")
class WebPageBenchmark {

    static final EmbeddedStoreServer STORE = EmbeddedStoreServer.inMemory("127.0.0.1", 0);
    static ConfigurableApplicationContext querySide;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final int REQUESTS = Integer.getInteger("bench.requests", 200);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 50);
    private static final int NEW_TASKS = 40;

    @LocalServerPort
    int commandPort;
    @Autowired
    TestRestTemplate http;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder passwords;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("ledger.store.uri", STORE::connectionString);
        registry.add("ledger.store.database", () -> "bench");
    }

    @AfterAll
    static void stop() {
        if (querySide != null) {
            querySide.close();
        }
        STORE.close();
    }

    @Test
    void ledger_and_my_work_pages_of_a_demo_sized_year() throws Exception {
        TestAccounts.ensure(accounts, passwords);
        TestOrganisation.ensure(http);
        YearMonth thisMonth = YearMonth.from(BureauTime.dayOf(java.time.Instant.now()));
        long started = System.nanoTime();
        int commands = 0;
        for (int back = 11; back >= 1; back--) {
            YearMonth month = thisMonth.minusMonths(back);
            for (int i = 0; i < 15; i++) {
                boolean unitA = i % 2 == 0;
                String id = assign(month + " 重点任务 " + (i + 1), unitA, month.atDay(20), month);
                commands++;
                if (i < 13) {
                    progress(id, unitA, 100);
                    post(staff(unitA), "/api/tasks/" + id + "/completion-claims", Map.of("summary", "已完成"));
                    post(TestAccounts.username(Role.BUREAU_OFFICE), "/api/tasks/" + id + "/completion-verifications",
                            Map.of("note", "核验通过"));
                    commands += 3;
                }
            }
        }
        // the earlier months' tasks all stand in this month's ledger too (open, or verified during it)
        int expected = 11 * 15 + NEW_TASKS;
        for (int i = 0; i < NEW_TASKS; i++) {
            boolean unitA = i % 3 != 0;
            String id = assign(thisMonth + " 重点任务 " + (i + 1), unitA, thisMonth.atEndOfMonth().plusDays(i % 40),
                    thisMonth);
            progress(id, unitA, 10 + i % 80);
            commands += 2;
        }
        System.out.printf("BENCHMARK loaded %d commands in %.1f s%n", commands, (System.nanoTime() - started) / 1e9);

        querySide = new SpringApplicationBuilder(QuerySideApplication.class)
                .run("--ledger.store.uri=" + STORE.connectionString(), "--ledger.store.database=bench",
                        "--server.port=0", "--ledger.security.bcrypt-strength=4",
                        "--ledger.web.command-url=http://localhost:" + commandPort);
        Session staff = new Session().signIn(TestAccounts.username(Role.UNIT_STAFF));
        String ledger = "/ledger/" + thisMonth;
        // the views catch up with the load before anything is measured
        String page = staff.get(ledger);
        for (int wait = 0; !page.contains("共 " + expected + " 项任务") && wait < 600; wait++) {
            Thread.sleep(100);
            page = staff.get(ledger);
        }
        Matcher count = Pattern.compile("共 (\\d+) 项任务").matcher(page);
        assertThat(count.find()).isTrue();
        assertThat(count.group(1)).isEqualTo(String.valueOf(expected));
        System.out.printf("BENCHMARK ledger %s shows %s tasks, %d KB of HTML%n", thisMonth, count.group(1),
                page.length() / 1024);
        measure("ledger page (unit staff)", staff, ledger);
        measure("my work (unit staff)", staff, "/");
        Session leader = new Session().signIn(TestAccounts.username(Role.BUREAU_LEADER));
        measure("my work (bureau leader)", leader, "/");
        Session office = new Session().signIn(TestAccounts.username(Role.BUREAU_OFFICE));
        measure("my work (bureau office)", office, "/");
    }

    private void measure(String what, Session session, String path) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            session.get(path);
        }
        long[] nanos = new long[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            long start = System.nanoTime();
            session.get(path);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("BENCHMARK %-26s n=%d p50=%.1f ms p95=%.1f ms max=%.1f ms%n", what, REQUESTS,
                nanos[REQUESTS / 2] / 1e6, nanos[(int) Math.ceil(REQUESTS * 0.95) - 1] / 1e6, nanos[REQUESTS - 1] / 1e6);
    }

    private String assign(String title, boolean unitA, LocalDate due, YearMonth month) {
        Map<?, ?> body = post(TestAccounts.username(Role.BUREAU_LEADER), "/api/tasks", Map.of("title", title,
                "source", "PARTY_GROUP_MEETING", "leadLeaderId", TestOrganisation.LEADER,
                "leadUnitId", unitA ? TestAccounts.UNIT_A : TestAccounts.UNIT_B, "coUnitIds", List.of("unit-c"),
                "dueDate", due.toString(), "ledgerMonth", month.toString()));
        return (String) body.get("id");
    }

    private void progress(String id, boolean unitA, int percent) {
        post(staff(unitA), "/api/tasks/" + id + "/progress-reports", Map.of("percent", percent, "narrative", "按计划推进"));
    }

    private static String staff(boolean unitA) {
        return unitA ? TestAccounts.username(Role.UNIT_STAFF) : TestAccounts.STAFF_OF_UNIT_B;
    }

    private Map<?, ?> post(String account, String path, Map<String, ?> body) {
        ResponseEntity<Map> answer = http.withBasicAuth(account, TestAccounts.PASSWORD).postForEntity(path, body, Map.class);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as("%s %s", path, answer.getBody()).isTrue();
        return answer.getBody();
    }

    /** A signed-in browser session, over plain HTTP. */
    final class Session {
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        String base() {
            return "http://localhost:" + querySide.getEnvironment().getProperty("local.server.port");
        }

        String get(String path) throws Exception {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(base() + path))
                    .header("Accept-Language", "zh-CN").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            return answer.body();
        }

        Session signIn(String username) throws Exception {
            Matcher token = CSRF.matcher(get("/login"));
            assertThat(token.find()).isTrue();
            String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(TestAccounts.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1);
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
            return this;
        }
    }
}
