package ledger.query.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import ledger.kernel.organisation.CadreEmailRecordedEvent;
import ledger.kernel.security.Role;
import ledger.kernel.task.DeadlineMissedEvent;
import ledger.kernel.task.UrgingNoticeId;
import ledger.kernel.task.UrgingNoticeIssuedEvent;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.ReplayStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The outbox and its senders against a real SMTP server (GreenMail) started in the test. */
class MailDeliveryTest {

    private static final String WANG = "wang@zjj.example.gov.cn";
    private static final String ZHOU = "zhou@zjj.example.gov.cn";

    private final int port = freePort();
    private final GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    /** The back-off the outbox keeps between attempts; the test moves the clock past it rather than waiting. */
    private static final Duration BACKOFF = Duration.ofSeconds(30);

    private final SteppedClock clock = new SteppedClock();
    private NotificationStore store;

    @BeforeEach
    void open() {
        store = new NotificationStore(clock, BACKOFF);
        NotificationProjectionTest.organisation(store.projection);
        store.projection.on(new CadreEmailRecordedEvent(NotificationProjectionTest.LEADER, WANG,
                NotificationProjectionTest.NOW));
        store.projection.on(new CadreEmailRecordedEvent(NotificationProjectionTest.HEAD, ZHOU,
                NotificationProjectionTest.NOW));
    }

    @AfterEach
    void close() {
        smtp.stop();
        store.close();
    }

    private void taskTurnsRed() {
        // now, so that the cause is news
        store.projection.on(new DeadlineMissedEvent(NotificationProjectionTest.TASK, LocalDate.parse("2026-03-31"),
                java.time.Instant.now()), "event-red", ReplayStatus.REGULAR);
    }

    private MailDispatcher dispatcher(String node) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.setDefaultEncoding("UTF-8");
        Properties timeouts = new Properties();
        // generous: a loaded machine answers slowly, and a refused connection fails at once anyway
        timeouts.put("mail.smtp.connectiontimeout", "10000");
        timeouts.put("mail.smtp.timeout", "10000");
        sender.setJavaMailProperties(timeouts);
        return new MailDispatcher(store.outbox, store.settings, () -> sender, node);
    }

    @Test
    void the_lead_leader_and_the_unit_head_get_one_mail_each_in_chinese_and_a_restart_sends_none_again()
            throws Exception {
        smtp.start();
        taskTurnsRed();
        dispatcher("query-1").sendDue();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(Arrays.stream(received).map(MailDeliveryTest::to)).containsExactlyInAnyOrder(WANG, ZHOU);
        assertThat(received[0].getSubject()).isEqualTo("【督查台账】到期催办：老旧小区改造");
        assertThat(GreenMailUtil.getBody(received[0])).isNotBlank();
        assertThat(received[0].getContent().toString()).contains("已于2026年3月31日到期", "请勿直接回复");

        // a restart: the event is handled again (redelivered) and a new sender looks at the same store
        taskTurnsRed();
        MailDispatcher restarted = dispatcher("query-1");
        restarted.sendDue();
        restarted.sendDue();
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(store.outbox.count(MailOutbox.State.SENT)).isEqualTo(2);
    }

    @Test
    void an_urging_notice_reaches_the_lead_units_head_by_mail_once_in_chinese() throws Exception {
        smtp.start();
        UrgingNoticeIssuedEvent urged = new UrgingNoticeIssuedEvent(NotificationProjectionTest.TASK,
                new UrgingNoticeId("notice-1"), "cadre-office-li", Role.BUREAU_OFFICE, "进度滞后", "说明原因并报送措施",
                LocalDate.parse("2026-03-25"), NotificationProjectionTest.PLANNING, NotificationProjectionTest.LEADER,
                java.time.Instant.now());
        store.projection.on(urged, "event-urged", ReplayStatus.REGULAR);
        dispatcher("query-1").sendDue();
        store.projection.on(urged, "event-urged", ReplayStatus.REGULAR);
        dispatcher("query-1").sendDue();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(Arrays.stream(received).map(MailDeliveryTest::to)).containsExactly(ZHOU);
        assertThat(received[0].getSubject()).isEqualTo("【督查台账】督办通知：老旧小区改造");
        assertThat(received[0].getContent().toString()).contains("督办事由：进度滞后", "请于2026年3月25日前回复");
    }

    @Test
    void two_sending_instances_on_one_store_send_each_mail_once() throws Exception {
        smtp.start();
        taskTurnsRed();
        MailDispatcher one = dispatcher("query-1");
        MailDispatcher two = dispatcher("query-2");
        Thread first = new Thread(one::sendDue);
        Thread second = new Thread(two::sendDue);
        first.start();
        second.start();
        first.join();
        second.join();
        one.sendDue();
        two.sendDue();

        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(MailDeliveryTest::to))
                .containsExactlyInAnyOrder(WANG, ZHOU);
    }

    @Test
    void a_down_mail_server_delays_the_mail_without_losing_it_and_the_administrator_sees_the_failure() {
        taskTurnsRed();
        MailDispatcher dispatcher = dispatcher("query-1");
        dispatcher.sendDue();

        List<MailOutbox.OutgoingMail> failed = store.outbox.list(MailOutbox.State.FAILED, 0, 10);
        assertThat(failed).hasSize(2).allSatisfy(mail -> {
            assertThat(mail.attempts()).isEqualTo(1);
            assertThat(mail.lastError()).isNotBlank();
            assertThat(mail.nextAttemptAt()).isAfter(mail.lastAttemptAt());
        });
        dispatcher.sendDue();
        assertThat(store.outbox.list(MailOutbox.State.FAILED, 0, 10)).as("not retried before its back-off")
                .allSatisfy(mail -> assertThat(mail.attempts()).isEqualTo(1));

        smtp.start();
        // each round is past any back-off (a retry that fails again under load only doubles it): the mail goes
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            clock.advance(BACKOFF.multipliedBy(4));
            dispatcher.sendDue();
            return store.outbox.count(MailOutbox.State.SENT) == 2;
        });
        clock.advance(BACKOFF.multipliedBy(4));
        dispatcher.sendDue();
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(MailDeliveryTest::to))
                .containsExactlyInAnyOrder(WANG, ZHOU);
        assertThat(store.outbox.count(MailOutbox.State.FAILED)).isZero();
    }

    static String to(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
