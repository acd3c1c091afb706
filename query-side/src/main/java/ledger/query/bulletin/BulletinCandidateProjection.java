package ledger.query.bulletin;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import ledger.kernel.bulletin.EntryKind;
import ledger.kernel.shared.BureauTime;
import ledger.kernel.task.TaskReceivedLateEvent;
import ledger.kernel.task.UrgingNoticeAnsweredEvent;
import ledger.kernel.task.UrgingNoticeIssuedEvent;
import ledger.kernel.task.UrgingNoticeWentUnansweredEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Builds the bulletin drafting candidates from the urging and receipt follow-ups. A notice is kept
 * from its issue (so its reason and issue event are at hand); it becomes a candidate of the month it
 * went unanswered or, failing that, was answered late. Each month lists its candidates in one
 * document ({@code $addToSet}, so two segments never lose one another's); all writes repeat harmlessly.
 */
@Component
@ProcessingGroup(BulletinReader.PROCESSOR)
class BulletinCandidateProjection {

    private final MongoTemplate mongo;

    BulletinCandidateProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A month's candidates, by key. */
    @Document("bulletin_candidate_months")
    record CandidateMonth(@Id String month, List<String> candidateIds) {
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), BulletinCandidate.class);
        mongo.remove(new Query(), CandidateMonth.class);
    }

    @EventHandler
    void on(UrgingNoticeIssuedEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        String id = "urging:" + event.noticeId().value();
        if (mongo.findById(id, BulletinCandidate.class) == null) {
            mongo.save(new BulletinCandidate(id, null, null, EntryKind.PROBLEM.name(), event.taskId().value(),
                    List.of(event.leadUnitId().value()), List.of(event.leadLeaderId().value()), event.reason(),
                    event.replyBy(), List.of(new BulletinCandidate.Evidence(eventId, "UrgingNoticeIssuedEvent",
                    position(token)))));
        }
    }

    @EventHandler
    void on(UrgingNoticeWentUnansweredEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        candidate("urging:" + event.noticeId().value(), event.detectedAt(), BulletinCandidate.URGING_UNANSWERED,
                new BulletinCandidate.Evidence(eventId, "UrgingNoticeWentUnansweredEvent", position(token)));
    }

    /** A late reply is evidence beside the unanswered mark, or the candidate itself when there was none. */
    @EventHandler
    void on(UrgingNoticeAnsweredEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        if (!event.late()) {
            return;
        }
        BulletinCandidate.Evidence evidence = new BulletinCandidate.Evidence(eventId, "UrgingNoticeAnsweredEvent",
                position(token));
        BulletinCandidate notice = mongo.findById("urging:" + event.noticeId().value(), BulletinCandidate.class);
        if (notice != null && notice.month() != null) {
            mongo.save(notice.with(evidence, notice.kind()));
        } else {
            candidate("urging:" + event.noticeId().value(), event.answeredAt(), BulletinCandidate.URGING_ANSWERED_LATE,
                    evidence);
        }
    }

    @EventHandler
    void on(TaskReceivedLateEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        String id = "receipt:" + event.taskId().value() + ":" + event.unitId().value();
        String month = YearMonth.from(BureauTime.dayOf(event.detectedAt())).toString();
        if (mongo.findById(id, BulletinCandidate.class) == null) {
            mongo.save(new BulletinCandidate(id, month, BulletinCandidate.RECEIVED_LATE, EntryKind.PROBLEM.name(),
                    event.taskId().value(), List.of(event.unitId().value()), List.of(), null, event.receiptDueBy(),
                    List.of(new BulletinCandidate.Evidence(eventId, "TaskReceivedLateEvent", position(token)))));
        }
        listIn(month, id);
    }

    /** The kept notice becomes a candidate of the month of {@code at}. */
    private void candidate(String id, Instant at, String kind, BulletinCandidate.Evidence evidence) {
        BulletinCandidate notice = mongo.findById(id, BulletinCandidate.class);
        if (notice == null) {
            return;
        }
        String month = notice.month() != null ? notice.month() : YearMonth.from(BureauTime.dayOf(at)).toString();
        BulletinCandidate after = notice.with(evidence, kind);
        mongo.save(new BulletinCandidate(after.candidateId(), month, after.kind(), after.entryKind(), after.taskId(),
                after.unitIds(), after.cadreIds(), after.reason(), after.dueBy(), after.evidence()));
        listIn(month, id);
    }

    private void listIn(String month, String candidateId) {
        mongo.upsert(query(where("_id").is(month)), new Update().addToSet("candidateIds", candidateId),
                CandidateMonth.class);
    }

    List<BulletinCandidate> of(YearMonth month) {
        CandidateMonth found = mongo.findById(month.toString(), CandidateMonth.class);
        if (found == null || found.candidateIds() == null) {
            return List.of();
        }
        return mongo.find(query(where("_id").in(found.candidateIds())), BulletinCandidate.class).stream()
                .sorted(java.util.Comparator.comparingLong(c -> c.evidence().get(c.evidence().size() - 1).position()))
                .toList();
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
