package ledger.query.notification;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One thing a person is told, made from one event: its id is the event's id and the recipient's,
 * so a rebuild makes the same notification again (and finds its read mark, which is kept apart).
 * {@code args} are the facts its texts show, as recorded when it was made.
 */
@Document("notifications")
record NotificationView(@Id String id, String recipientId, NotificationCause cause, LinkKind linkKind, String linkId,
                        List<String> args, Instant occurredAt, String eventId) {

    /** What a notification leads to. */
    enum LinkKind { TASK }

    static String id(String eventId, String recipientId) {
        return eventId + ":" + recipientId;
    }
}
