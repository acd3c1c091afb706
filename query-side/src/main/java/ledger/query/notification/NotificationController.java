package ledger.query.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import ledger.query.infrastructure.ViewPositions;
import ledger.security.CurrentActor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Notifications 提醒")
class NotificationController {

    /** What a notification leads to: the thing's kind and id, and where the API shows it. */
    record Link(NotificationView.LinkKind kind, String id, String href) {
    }

    record NotificationItem(String id, NotificationCause cause, String subject, String text, Link link,
                            Instant occurredAt, boolean read, Instant readAt) {
    }

    record NotificationsPage(long total, long unread, int page, int size, List<NotificationItem> items) {
    }

    record MailOutboxPage(Map<MailOutbox.State, Long> counts, long total, int page, int size,
                          List<MailOutbox.OutgoingMail> items) {
    }

    private final Notifications notifications;
    private final NotificationTexts texts;
    private final MailOutbox outbox;
    private final ViewPositions positions;

    NotificationController(Notifications notifications, NotificationTexts texts, MailOutbox outbox,
                           ViewPositions positions) {
        this.notifications = notifications;
        this.texts = texts;
        this.outbox = outbox;
        this.positions = positions;
    }

    @GetMapping("/api/notifications/me")
    @Operation(summary = "The signed-in person's notifications, newest first: a task turned yellow or red, a deadline "
            + "change or a completion claim waits for them; each with a link to the thing and whether it was read")
    NotificationsPage mine(@Parameter(description = "ALL (default), UNREAD or READ")
                           @RequestParam(defaultValue = "ALL") Notifications.Filter state,
                           @RequestParam(defaultValue = "0") @PositiveOrZero int page,
                           @RequestParam(defaultValue = "20") @Positive @Max(200) int size,
                           @Parameter(description = "wait (bounded) until the notifications include this global position")
                           @RequestParam(required = false) @PositiveOrZero Long minPosition) {
        positions.awaitPosition(NotificationProjection.GROUP, minPosition);
        Notifications.Page found = notifications.of(CurrentActor.get().personId(), state, page, size);
        return new NotificationsPage(found.total(), found.unread(), page, size, found.items().stream().map(item -> {
            NotificationView n = item.notification();
            return new NotificationItem(n.id(), n.cause(), texts.subject(n), texts.text(n),
                    new Link(n.linkKind(), n.linkId(), href(n)), n.occurredAt(), item.readAt() != null, item.readAt());
        }).toList());
    }

    @PostMapping("/api/notifications/{id}/read")
    @Operation(summary = "Mark one of one's own notifications read (again: no change); 404 for anyone else's")
    ResponseEntity<Void> read(@PathVariable String id) {
        if (!notifications.markRead(CurrentActor.get().personId(), id)) {
            throw new LedgerException(ErrorCode.UNKNOWN_RESOURCE, "You have no notification " + id);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/admin/mail-outbox")
    @Operation(summary = "The reminder e-mails: pending, failed (with the last error and the next attempt) or sent, "
            + "the earliest first, with the count in each state")
    MailOutboxPage mailOutbox(@Parameter(description = "PENDING, FAILED or SENT (default: all)")
                              @RequestParam(required = false) MailOutbox.State state,
                              @RequestParam(defaultValue = "0") @PositiveOrZero int page,
                              @RequestParam(defaultValue = "50") @Positive @Max(200) int size) {
        Map<MailOutbox.State, Long> counts = new TreeMap<>();
        for (MailOutbox.State each : MailOutbox.State.values()) {
            counts.put(each, outbox.count(each));
        }
        return new MailOutboxPage(counts, outbox.count(state), page, size, outbox.list(state, page * size, size));
    }

    private static String href(NotificationView notification) {
        return switch (notification.linkKind()) {
            case TASK -> "/api/tasks/" + notification.linkId();
        };
    }
}
