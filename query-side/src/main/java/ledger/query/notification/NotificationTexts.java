package ledger.query.notification;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/** The Chinese texts of notifications and their e-mails, from the bundle {@code notification/messages}. */
@Component
class NotificationTexts {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", CHINESE);

    private final ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();

    NotificationTexts() {
        bundle.setBasename("notification/messages");
        bundle.setDefaultEncoding("UTF-8");
        bundle.setFallbackToSystemLocale(false);
    }

    String subject(NotificationView notification) {
        return bundle.getMessage(notification.cause().subjectKey(), notification.args().toArray(), CHINESE);
    }

    String text(NotificationView notification) {
        return bundle.getMessage(notification.cause().textKey(), notification.args().toArray(), CHINESE);
    }

    /** The mail: the text, where to find the thing, and that the mail is not to be answered. */
    String mailBody(NotificationView notification) {
        return bundle.getMessage("mail.body", new Object[] {text(notification),
                bundle.getMessage("link." + notification.linkKind().name(), new Object[] {notification.linkId()}, CHINESE)},
                CHINESE);
    }

    static String date(LocalDate date) {
        return DATE.format(date);
    }
}
