package ledger.query.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import ledger.kernel.organisation.CadreEmailRecordedEvent;
import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.UnitHeadAppointedEvent;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.task.DeadlineMissedEvent;
import ledger.kernel.task.TaskAssignedEvent;
import ledger.kernel.task.TaskId;
import ledger.kernel.task.TaskSource;
import ledger.query.QuerySideApplication;
import ledger.query.TestNotary;
import ledger.storeserver.EmbeddedStoreServer;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Reminders by e-mail through the query side as it runs (its Spring context, configured by the
 * LEDGER_SMTP_* settings) against a real SMTP server started here (GreenMail): the lead leader and the
 * lead unit's head get one mail each, in Chinese; a restart sends none again; a mail server that is
 * down when the task turns red delays the mail and loses none.
 */
class MailThroughTheQuerySideTest {

    private static final String WANG = "wang@zjj.example.gov.cn";
    private static final String ZHOU = "zhou@zjj.example.gov.cn";
    private static final java.time.Duration GENEROUS = java.time.Duration.ofSeconds(90);

    private final EmbeddedStoreServer store = EmbeddedStoreServer.inMemory("127.0.0.1", 0);
    private final int smtpPort = MailDeliveryTest.freePort();
    private final GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private ConfigurableApplicationContext querySide;

    @AfterEach
    void stop() {
        if (querySide != null) {
            querySide.close();
        }
        smtp.stop();
        store.close();
    }

    private ConfigurableApplicationContext start() {
        // the test writes the events the command side would, sealed as it seals them (the views trust only those)
        return new SpringApplicationBuilder(QuerySideApplication.class, TestNotary.Sealing.class).run("--server.port=0",
                "--ledger.store.uri=" + store.connectionString(), "--ledger.store.database=mail",
                "--ledger.security.bcrypt-strength=4",
                "--LEDGER_SMTP_HOST=127.0.0.1", "--LEDGER_SMTP_PORT=" + smtpPort,
                "--LEDGER_SMTP_FROM=督查台账 <ledger@zjj.example.gov.cn>",
                "--LEDGER_MAIL_POLL_INTERVAL=200ms", "--LEDGER_MAIL_RETRY_BACKOFF=1s");
    }

    private static final UnitId UNIT = new UnitId("mail-planning");
    private static final CadreId LEADER = new CadreId("cadre-mail-wang");

    /** The planning division's head and the leader, with their addresses. */
    private void organisation() {
        CadreId head = new CadreId("cadre-mail-zhou");
        Instant now = Instant.now();
        EventStore events = querySide.getBean(EventStore.class);
        events.publish(new GenericDomainEventMessage<>("Unit", UNIT.value(), 0,
                new UnitHeadAppointedEvent(UNIT, head, LocalDate.parse("2025-01-01"), now)));
        events.publish(new GenericDomainEventMessage<>("Cadre", LEADER.value(), 0,
                new CadreEmailRecordedEvent(LEADER, WANG, now)));
        events.publish(new GenericDomainEventMessage<>("Cadre", head.value(), 0,
                new CadreEmailRecordedEvent(head, ZHOU, now)));
    }

    /** A task the leader and the division lead, red now. */
    private void taskTurnsRed(TaskId task) {
        Instant now = Instant.now();
        EventStore events = querySide.getBean(EventStore.class);
        events.publish(new GenericDomainEventMessage<>("Task", task.value(), 0, new TaskAssignedEvent(task, "老旧小区改造",
                "完成12个小区改造", TaskSource.PARTY_GROUP_MEETING, "党组会2026-2", LEADER, UNIT, List.of(),
                LocalDate.parse("2026-03-31"), YearMonth.parse("2026-03"), now, List.of())));
        events.publish(new GenericDomainEventMessage<>("Task", task.value(), 1,
                new DeadlineMissedEvent(task, LocalDate.parse("2026-03-31"), now)));
    }

    @Test
    void the_leader_and_the_unit_head_get_one_mail_each_in_chinese_and_a_restart_sends_none_again() throws Exception {
        smtp.start();
        querySide = start();
        organisation();
        taskTurnsRed(new TaskId("task-mail-1"));

        assertThat(smtp.waitForIncomingEmail(GENEROUS.toMillis(), 2)).isTrue();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(Arrays.stream(received).map(MailDeliveryTest::to)).containsExactlyInAnyOrder(WANG, ZHOU);
        assertThat(received[0].getSubject()).isEqualTo("【督查台账】到期催办：老旧小区改造");
        assertThat(received[0].getContent().toString()).contains("已于2026年3月31日到期");
        assertThat(received[0].getFrom()[0].toString()).contains("ledger@zjj.example.gov.cn");

        querySide.close();
        querySide = start();
        MailOutbox outbox = querySide.getBean(MailOutbox.class);
        // the restarted instance has read the whole log again (its views are caught up) and sent nothing more
        Awaitility.await().atMost(GENEROUS).until(() -> outbox.count(MailOutbox.State.SENT) == 2);
        taskTurnsRed(new TaskId("task-mail-2"));
        assertThat(smtp.waitForIncomingEmail(GENEROUS.toMillis(), 4)).isTrue();
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(MailDeliveryTest::to))
                .as("the second task's two mails, and the first task's not again")
                .containsExactlyInAnyOrder(WANG, ZHOU, WANG, ZHOU);
    }

    @Test
    void a_mail_server_that_is_down_delays_the_mail_without_losing_it() throws Exception {
        querySide = start();
        organisation();
        taskTurnsRed(new TaskId("task-mail-down"));
        MailOutbox outbox = querySide.getBean(MailOutbox.class);
        Awaitility.await().atMost(GENEROUS).until(() -> outbox.count(MailOutbox.State.FAILED) == 2);
        assertThat(outbox.list(MailOutbox.State.FAILED, 0, 10)).allSatisfy(mail ->
                assertThat(mail.lastError()).isNotBlank());

        smtp.start();
        assertThat(smtp.waitForIncomingEmail(GENEROUS.toMillis(), 2)).isTrue();
        Awaitility.await().atMost(GENEROUS).until(() -> outbox.count(MailOutbox.State.SENT) == 2);
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(MailDeliveryTest::to))
                .containsExactlyInAnyOrder(WANG, ZHOU);
        assertThat(outbox.count(MailOutbox.State.FAILED)).isZero();
    }
}
