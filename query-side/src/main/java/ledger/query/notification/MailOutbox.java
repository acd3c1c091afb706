package ledger.query.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The e-mails to send and those sent, in the store every query-side instance shares. A mail's id is
 * its cause (event id and recipient): it is entered once, however often the event is handled. An
 * instance sends a mail only after claiming it with a single-document update (a lease), and records
 * the outcome: sent (never sent again), or failed (tried again after a back-off, kept until sent).
 */
@Component
class MailOutbox {

    enum State { PENDING, FAILED, SENT }

    /** One mail and what became of it; {@code leaseUntil} is the epoch when nobody holds it. */
    @Document("mail_outbox")
    record OutgoingMail(@Id String id, String recipientId, String to, String subject, String body,
                        NotificationCause cause, String linkId, State state, int attempts, Instant enqueuedAt,
                        Instant nextAttemptAt, Instant leaseUntil, String leasedBy, Instant lastAttemptAt,
                        String lastError, Instant sentAt, String sentBy) {
    }

    private static final int CANDIDATES = 20;

    private final MongoTemplate mongo;
    private final MailSettings settings;
    private final NotificationTexts texts;
    private final Clock clock;

    MailOutbox(MongoTemplate mongo, MailSettings settings, NotificationTexts texts, Clock clock) {
        this.mongo = mongo;
        this.settings = settings;
        this.texts = texts;
        this.clock = clock;
    }

    /**
     * Enters the notification's mail, when mail is on and the cause is recent; a cause entered
     * before (a redelivered or replayed event) is left as it is.
     */
    void enqueue(NotificationView notification, String to) {
        Instant now = clock.instant();
        if (!settings.enabled() || notification.occurredAt().isBefore(now.minus(settings.maxAge()))) {
            return;
        }
        try {
            mongo.insert(new OutgoingMail(notification.id(), notification.recipientId(), to, texts.subject(notification),
                    texts.mailBody(notification), notification.cause(), notification.linkId(), State.PENDING, 0, now,
                    now, Instant.EPOCH, null, null, null, null, null));
        } catch (DuplicateKeyException entered) {
            // this cause's mail is in the outbox already, perhaps sent: never twice
        }
    }

    /** Claims the next mail due now for {@code node}, for the lease; empty when none is due or free. */
    Optional<OutgoingMail> claimNext(String node) {
        Instant now = clock.instant();
        Query due = Query.query(due(now)).with(Sort.by("nextAttemptAt")).limit(CANDIDATES);
        for (OutgoingMail candidate : mongo.find(due, OutgoingMail.class)) {
            // the claim repeats the conditions: only one instance's update matches
            OutgoingMail claimed = mongo.findAndModify(Query.query(due(now).and("_id").is(candidate.id())),
                    new Update().set("leaseUntil", now.plus(settings.lease())).set("leasedBy", node)
                            .set("lastAttemptAt", now).inc("attempts", 1),
                    FindAndModifyOptions.options().returnNew(true), OutgoingMail.class);
            if (claimed != null) {
                return Optional.of(claimed);
            }
        }
        return Optional.empty();
    }

    private static Criteria due(Instant now) {
        return Criteria.where("state").in(State.PENDING, State.FAILED).and("nextAttemptAt").lte(now)
                .and("leaseUntil").lte(now);
    }

    /** Records the mail as sent; false if {@code node} no longer held it (its lease ran out). */
    boolean sent(OutgoingMail mail, String node) {
        Instant now = clock.instant();
        return mongo.updateFirst(held(mail, node), new Update().set("state", State.SENT).set("sentAt", now)
                .set("sentBy", node).set("leaseUntil", Instant.EPOCH).unset("lastError"), OutgoingMail.class)
                .getModifiedCount() > 0;
    }

    /** Records a failed attempt: the mail is tried again after the back-off for its failures so far. */
    void failed(OutgoingMail mail, String node, String error) {
        Instant now = clock.instant();
        mongo.updateFirst(held(mail, node), new Update().set("state", State.FAILED).set("lastError", error)
                .set("nextAttemptAt", now.plus(settings.backoffAfter(mail.attempts())))
                .set("leaseUntil", Instant.EPOCH), OutgoingMail.class);
    }

    private static Query held(OutgoingMail mail, String node) {
        return Query.query(Criteria.where("_id").is(mail.id()).and("leasedBy").is(node).and("state").ne(State.SENT)
                .and("attempts").is(mail.attempts()));
    }

    /** The mails in a state (all: null), the earliest entered first. */
    List<OutgoingMail> list(State state, int offset, int limit) {
        Query query = state == null ? new Query() : Query.query(Criteria.where("state").is(state));
        return mongo.find(query.with(Sort.by("enqueuedAt", "_id")).skip(offset).limit(limit), OutgoingMail.class);
    }

    long count(State state) {
        return mongo.count(state == null ? new Query() : Query.query(Criteria.where("state").is(state)),
                OutgoingMail.class);
    }
}
