package ledger.query.ledger;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
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
 * gets what it missed.
 */
@Component
public class LedgerStream {

    private static final Logger log = LoggerFactory.getLogger(LedgerStream.class);
    private static final Comparator<LedgerTaskView> BY_POSITION = Comparator.comparingLong(LedgerTaskView::position);

    private final LedgerViews views;
    private final ViewPositions positions;
    private final Duration timeout;
    /** Subscribers by month; a month's list is only changed inside {@code compute}, so none is lost. */
    private final Map<String, List<Subscriber>> months = new ConcurrentHashMap<>();
    private volatile long lastPushedUpTo = -1;

    private final int maxSubscribers;
    private final AtomicInteger open = new AtomicInteger();

    LedgerStream(LedgerViews views, ViewPositions positions,
                 @Value("${ledger.query.stream-timeout:30m}") Duration timeout,
                 @Value("${ledger.query.max-ledger-streams:256}") int maxSubscribers) {
        this.views = views;
        this.positions = positions;
        this.timeout = timeout;
        this.maxSubscribers = maxSubscribers;
    }

    /**
     * One open stream: the position it resumed after, and the version of each task it was sent (a
     * dead-lettered event retried later changes a view at an older position than others already
     * sent; the version still tells that it is news).
     */
    private static final class Subscriber {
        final SseEmitter emitter;
        final long resumedAfter;
        final Map<String, Long> sentVersions = new HashMap<>();
        final AtomicBoolean closed = new AtomicBoolean();

        Subscriber(SseEmitter emitter, long resumedAfter) {
            this.emitter = emitter;
            this.resumedAfter = resumedAfter;
        }

        boolean isNews(LedgerTaskView task) {
            Long sent = sentVersions.get(task.taskId());
            return sent == null ? task.position() > resumedAfter : task.version() > sent;
        }
    }

    /**
     * Opens a stream of the month: first the tasks changed after {@code lastEventId} (all of them
     * for a new subscriber), then every change as it reaches the views.
     */
    public SseEmitter subscribe(String month, long lastEventId) {
        if (open.incrementAndGet() > maxSubscribers) {
            open.decrementAndGet();
            throw new LedgerException(ErrorCode.TOO_MANY_STREAMS, "This instance follows " + maxSubscribers
                    + " ledger streams already; retry shortly, or on another instance");
        }
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        Subscriber subscriber = new Subscriber(emitter, lastEventId);
        emitter.onCompletion(() -> remove(month, subscriber));
        emitter.onTimeout(() -> remove(month, subscriber));
        emitter.onError(e -> remove(month, subscriber));
        synchronized (subscriber) {
            months.compute(month, (m, list) -> {
                List<Subscriber> next = list == null ? new ArrayList<>() : new ArrayList<>(list);
                next.add(subscriber);
                return List.copyOf(next);
            });
            send(month, subscriber, current(month), completePosition());
        }
        return emitter;
    }

    private void remove(String month, Subscriber subscriber) {
        if (subscriber.closed.compareAndSet(false, true)) {
            open.decrementAndGet();
        }
        months.computeIfPresent(month, (m, list) -> {
            List<Subscriber> rest = list.stream().filter(s -> s != subscriber).toList();
            return rest.isEmpty() ? null : rest;
        });
    }

    @Scheduled(fixedDelayString = "${ledger.query.stream-poll:500ms}")
    void push() {
        long complete = completePosition();
        if (complete == lastPushedUpTo) {
            return; // the views have not moved: nothing new to send
        }
        months.forEach((month, subscribers) -> {
            List<LedgerTaskView> tasks = current(month);
            for (Subscriber subscriber : subscribers) {
                synchronized (subscriber) {
                    send(month, subscriber, tasks, complete);
                }
            }
        });
        lastPushedUpTo = complete;
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

    /**
     * Where every segment of the ledger processor has come: a segment that lags may still write a
     * lower position, which a subscriber sent past it would never get, so nothing beyond is sent.
     */
    private long completePosition() {
        return positions.position(LedgerController.PROCESSOR).orElse(0);
    }

    private List<LedgerTaskView> current(String month) {
        return views.month(month).stream().sorted(BY_POSITION).toList();
    }

    private void send(String month, Subscriber subscriber, List<LedgerTaskView> tasks, long complete) {
        for (LedgerTaskView task : tasks) {
            if (task.position() > complete || !subscriber.isNews(task)) {
                continue;
            }
            try {
                subscriber.emitter.send(SseEmitter.event().name("task").id(Long.toString(task.position()))
                        .data(task, MediaType.APPLICATION_JSON));
                subscriber.sentVersions.put(task.taskId(), task.version());
            } catch (IOException | IllegalStateException e) {
                drop(month, subscriber, e);
                return;
            }
        }
    }

    private void drop(String month, Subscriber subscriber, Exception cause) {
        log.debug("Ledger stream of {} closed: {}", month, cause.toString());
        remove(month, subscriber);
        subscriber.emitter.completeWithError(cause);
    }
}
