package ledger.query.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * A person's notifications, newest first, with whether they read each. Read marks are the
 * person's own view state, not events (ADR 0006): kept apart from the notifications under the
 * same ids, so a rebuild of the notifications finds them again.
 */
@Component
class Notifications {

    enum Filter { ALL, UNREAD, READ }

    @Document("notification_reads")
    record ReadMark(@Id String notificationId, String recipientId, Instant readAt) {
    }

    /** A notification as its recipient sees it. */
    record Item(NotificationView notification, Instant readAt) {
    }

    record Page(List<Item> items, long total, long unread) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;

    Notifications(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    Page of(String personId, Filter filter, int page, int size) {
        Map<String, ReadMark> reads = mongo.find(Query.query(Criteria.where("recipientId").is(personId)), ReadMark.class)
                .stream().collect(Collectors.toMap(ReadMark::notificationId, Function.identity()));
        Criteria mine = Criteria.where("recipientId").is(personId);
        Criteria unread = Criteria.where("recipientId").is(personId).and("_id").nin(reads.keySet());
        Criteria matching = switch (filter) {
            case ALL -> mine;
            case UNREAD -> unread;
            case READ -> Criteria.where("recipientId").is(personId).and("_id").in(reads.keySet());
        };
        List<Item> items = mongo.find(Query.query(matching).with(Sort.by(Sort.Order.desc("occurredAt"),
                        Sort.Order.desc("_id"))).skip((long) page * size).limit(size), NotificationView.class)
                .stream().map(n -> new Item(n, Optional.ofNullable(reads.get(n.id())).map(ReadMark::readAt).orElse(null)))
                .toList();
        return new Page(items, mongo.count(Query.query(matching), NotificationView.class),
                mongo.count(Query.query(unread), NotificationView.class));
    }

    /** Marks the person's notification read (the first time counts); false if they have no such notification. */
    boolean markRead(String personId, String notificationId) {
        NotificationView notification = mongo.findById(notificationId, NotificationView.class);
        if (notification == null || !notification.recipientId().equals(personId)) {
            return false;
        }
        try {
            mongo.insert(new ReadMark(notificationId, personId, clock.instant()));
        } catch (DuplicateKeyException alreadyRead) {
            // read before: it keeps the first moment
        }
        return true;
    }
}
