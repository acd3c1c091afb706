package ledger.query.ledger;

import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import ledger.query.infrastructure.ViewPositions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live ledger months over server-sent events, e.g. for the screen at the monthly meeting. The
 * stream follows the stored views, not the processor: any query-side instance can serve any
 * subscriber, whichever instance builds which segment. Each change is a {@code task} event whose
 * id is the task view's global position, so a client that reconnects with {@code Last-Event-ID}
 * gets exactly what it missed.
 */
@Component
class LedgerStream {

    private static final Logger log = LoggerFactory.getLogger(LedgerStream.class);
    private static final Comparator<LedgerTaskView> BY_POSITION = Comparator.comparingLong(LedgerTaskView::position);

    private final LedgerViews views;
    private final ViewPositions positions;
    private final Duration timeout;
    private final Map<String, List<Subscriber>> months = new ConcurrentHashMap<>();

    LedgerStream(LedgerViews views, ViewPositions positions,
                 @Value("${ledger.query.stream-timeout:30m}") Duration timeout) {
        this.views = views;
        this.positions = positions;
        this.timeout = timeout;
    }

    /** One open stream and the last position it was sent. */
    private static final class Subscriber {
        final SseEmitter emitter;
        volatile long sentUpTo;

        Subscriber(SseEmitter emitter, long sentUpTo) {
            this.emitter = emitter;
            this.sentUpTo = sentUpTo;
        }
    }

    /**
     * Opens a stream of the month: first the tasks changed after {@code lastEventId} (all of them
     * for a new subscriber), then every change as it reaches the views.
     */
    SseEmitter subscribe(String month, long lastEventId) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        Subscriber subscriber = new Subscriber(emitter, lastEventId);
        List<Subscriber> list = months.computeIfAbsent(month, m -> new CopyOnWriteArrayList<>());
        emitter.onCompletion(() -> list.remove(subscriber));
        emitter.onTimeout(() -> list.remove(subscriber));
        emitter.onError(e -> list.remove(subscriber));
        synchronized (subscriber) {
            list.add(subscriber);
            send(month, subscriber, current(month));
        }
        return emitter;
    }

    @Scheduled(fixedDelayString = "${ledger.query.stream-poll:500ms}")
    void push() {
        months.forEach((month, subscribers) -> {
            if (subscribers.isEmpty()) {
                months.remove(month, subscribers);
                return;
            }
            List<LedgerTaskView> tasks = current(month);
            for (Subscriber subscriber : subscribers) {
                synchronized (subscriber) {
                    send(month, subscriber, tasks);
                }
            }
        });
    }

    @Scheduled(fixedDelayString = "${ledger.query.stream-heartbeat:15s}")
    void heartbeat() {
        // a comment line keeps proxies from closing a quiet stream, and finds closed ones
        months.forEach((month, subscribers) -> subscribers.forEach(subscriber -> {
            synchronized (subscriber) {
                try {
                    subscriber.emitter.send(SseEmitter.event().comment("still here"));
                } catch (IOException | IllegalStateException e) {
                    drop(month, subscriber, e);
                }
            }
        }));
    }

    /**
     * Ends every stream when the service stops (before the web server's graceful shutdown, which
     * would otherwise wait for streams that never end); clients reconnect with Last-Event-ID.
     */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        months.values().forEach(subscribers -> subscribers.forEach(subscriber -> subscriber.emitter.complete()));
        months.clear();
    }

    private List<LedgerTaskView> current(String month) {
        return views.tasks(views.taskIdsOf(month)).stream().sorted(BY_POSITION).toList();
    }

    /**
     * Sends what changed after the subscriber's last position, but only up to where every segment
     * of the ledger processor has come: a segment that lags may still write a lower position, which
     * a subscriber that had moved past it would never get.
     */
    private void send(String month, Subscriber subscriber, List<LedgerTaskView> tasks) {
        long complete = positions.position(LedgerController.PROCESSOR).orElse(0);
        for (LedgerTaskView task : tasks) {
            if (task.position() <= subscriber.sentUpTo) {
                continue;
            }
            if (task.position() > complete) {
                return;
            }
            try {
                subscriber.emitter.send(SseEmitter.event().name("task").id(Long.toString(task.position()))
                        .data(task, MediaType.APPLICATION_JSON));
                subscriber.sentUpTo = task.position();
            } catch (IOException | IllegalStateException e) {
                drop(month, subscriber, e);
                return;
            }
        }
    }

    private void drop(String month, Subscriber subscriber, Exception cause) {
        log.debug("Ledger stream of {} closed: {}", month, cause.toString());
        months.getOrDefault(month, List.of()).remove(subscriber);
        subscriber.emitter.completeWithError(cause);
    }
}
