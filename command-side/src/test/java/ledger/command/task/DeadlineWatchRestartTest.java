package ledger.command.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import ledger.command.CommandSideApplication;
import ledger.command.TestOrganisation;
import ledger.kernel.security.Role;
import ledger.kernel.task.DeadlineMissedEvent;
import ledger.kernel.task.TaskReceivedLateEvent;
import ledger.kernel.task.UrgingNoticeWentUnansweredEvent;
import ledger.security.TestAccounts;
import ledger.security.UserAccounts;
import ledger.store.MongoEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The service is down when a task falls due, its receipt period ends and an urging notice's day to
 * reply passes; when it comes back it records each, once.
 */
class DeadlineWatchRestartTest {

    @TempDir
    Path data;

    @Test
    void a_deadline_that_passed_while_the_service_was_down_is_recorded_once_when_it_comes_back() {
        String task;
        try (ConfigurableApplicationContext before = start("2026-03-20T02:00:00Z")) {
            TestAccounts.ensure(before.getBean(UserAccounts.class), before.getBean(PasswordEncoder.class));
            TestRestTemplate http = http(before);
            TestOrganisation.ensure(http);
            task = (String) http.withBasicAuth(TestAccounts.username(Role.BUREAU_LEADER), TestAccounts.PASSWORD)
                    .postForEntity("/api/tasks", Map.of("title", "完成年度目标", "source", "CITY_PARTY_COMMITTEE_GOVERNMENT",
                            "leadLeaderId", TestOrganisation.LEADER, "leadUnitId", TestAccounts.UNIT_A,
                            "dueDate", "2026-03-31", "ledgerMonth", "2026-03"), Map.class)
                    .getBody().get("id");
            assertThat(missedDeadlines(before, task)).isZero();
            assertThat(http.withBasicAuth(TestAccounts.username(Role.BUREAU_OFFICE), TestAccounts.PASSWORD)
                    .postForEntity("/api/tasks/" + task + "/urging-notices", Map.of("reason", "进度滞后",
                            "expectation", "报送整改措施", "replyBy", "2026-03-25"), Map.class)
                    .getStatusCode().value()).isEqualTo(201);
            assertThat(count(before, task, UrgingNoticeWentUnansweredEvent.class)).isZero();
        }

        try (ConfigurableApplicationContext after = start("2026-04-05T02:00:00Z")) {
            assertThat(missedDeadlines(after, task)).isEqualTo(1);
            assertThat(after.getBean(DeadlineWatch.class).check()).isZero();
            assertThat(missedDeadlines(after, task)).isEqualTo(1);
            assertThat(count(after, task, UrgingNoticeWentUnansweredEvent.class)).isEqualTo(1);
            assertThat(count(after, task, TaskReceivedLateEvent.class)).isEqualTo(1);
        }

        try (ConfigurableApplicationContext later = start("2026-04-06T02:00:00Z")) {
            assertThat(missedDeadlines(later, task)).isEqualTo(1);
            assertThat(count(later, task, UrgingNoticeWentUnansweredEvent.class)).isEqualTo(1);
            assertThat(count(later, task, TaskReceivedLateEvent.class)).isEqualTo(1);
        }
    }

    private ConfigurableApplicationContext start(String now) {
        Clock clock = Clock.fixed(Instant.parse(now), ZoneOffset.UTC);
        return new SpringApplicationBuilder(CommandSideApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", clock))
                .run("--server.port=0", "--ledger.store.data-dir=" + data, "--ledger.security.bcrypt-strength=4",
                        "--ledger.deadlines.check-interval=1h");
    }

    private static TestRestTemplate http(ConfigurableApplicationContext context) {
        return new TestRestTemplate(new RestTemplateBuilder()
                .rootUri("http://localhost:" + context.getEnvironment().getProperty("local.server.port")));
    }

    private static long missedDeadlines(ConfigurableApplicationContext context, String task) {
        return count(context, task, DeadlineMissedEvent.class);
    }

    private static long count(ConfigurableApplicationContext context, String task, Class<?> type) {
        return context.getBean(MongoEventStorageEngine.class).readEvents(task).asStream()
                .filter(event -> type.isInstance(event.getPayload())).count();
    }
}
