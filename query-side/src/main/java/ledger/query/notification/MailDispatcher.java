package ledger.query.notification;

import java.util.function.Supplier;

import jakarta.mail.internet.MimeMessage;
import ledger.query.notification.MailOutbox.OutgoingMail;
import ledger.store.LedgerStoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds due, on every query-side instance: each mail by whichever instance
 * claims it first. A failure is recorded on the mail (for the administrator) and tried again later.
 */
@Component
class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    /** At most this many mails per round, so one round never holds the scheduler for long. */
    private static final int PER_ROUND = 50;
    /** Recorded errors are for diagnosis; a server's long answer is cut. */
    private static final int ERROR_LENGTH = 500;

    private final MailOutbox outbox;
    private final MailSettings settings;
    private final Supplier<JavaMailSender> sender;
    private final String node;

    @Autowired
    MailDispatcher(MailOutbox outbox, MailSettings settings, ObjectProvider<JavaMailSender> sender,
                   LedgerStoreProperties store) {
        this(outbox, settings, sender::getIfAvailable, store.node());
    }

    MailDispatcher(MailOutbox outbox, MailSettings settings, Supplier<JavaMailSender> sender, String node) {
        this.outbox = outbox;
        this.settings = settings;
        this.sender = sender;
        this.node = node;
    }

    @Scheduled(initialDelayString = "${ledger.mail.poll-interval:5s}", fixedDelayString = "${ledger.mail.poll-interval:5s}")
    void sendDue() {
        JavaMailSender mail = sender.get();
        if (!settings.enabled() || mail == null) {
            return;
        }
        for (int i = 0; i < PER_ROUND; i++) {
            var claimed = outbox.claimNext(node);
            if (claimed.isEmpty()) {
                return;
            }
            send(mail, claimed.get());
        }
    }

    private void send(JavaMailSender mail, OutgoingMail outgoing) {
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
            helper.setFrom(settings.from());
            helper.setTo(outgoing.to());
            helper.setSubject(outgoing.subject());
            helper.setText(outgoing.body());
            // the cause, so a mailbox (or an operator) can tell this mail from any other
            message.setHeader("X-Ledger-Cause", outgoing.id());
            mail.send(message);
        } catch (MailException | jakarta.mail.MessagingException e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            log.warn("Mail {} to {} failed (attempt {}): {}", outgoing.id(), outgoing.to(), outgoing.attempts(), error);
            outbox.failed(outgoing, node, error.length() > ERROR_LENGTH ? error.substring(0, ERROR_LENGTH) : error);
            return;
        }
        if (!outbox.sent(outgoing, node)) {
            log.warn("Mail {} was sent after this instance's lease on it ran out; it may have gone twice", outgoing.id());
        }
    }
}
