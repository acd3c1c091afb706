package ledger.query.bulletin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.security.Role;
import ledger.kernel.task.TaskId;
import ledger.kernel.task.TaskReceivedLateEvent;
import ledger.kernel.task.UrgingNoticeAnsweredEvent;
import ledger.kernel.task.UrgingNoticeId;
import ledger.kernel.task.UrgingNoticeIssuedEvent;
import ledger.kernel.task.UrgingNoticeWentUnansweredEvent;
import ledger.storeserver.EmbeddedStoreServer;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The month's candidate problems for the bulletin: unanswered or late-answered notices and late receipts. */
class BulletinCandidateProjectionTest {

    private static final TaskId TASK = new TaskId("task-1");
    private static final UnitId PLANNING = new UnitId("planning");
    private static final CadreId WANG = new CadreId("cadre-wang");
    private static final LocalDate REPLY_BY = LocalDate.parse("2026-04-10");

    private final EmbeddedStoreServer server = EmbeddedStoreServer.inMemory("127.0.0.1", 0);
    private final MongoClient client = MongoClients.create(server.connectionString());
    private final MongoTemplate mongo = new MongoTemplate(client, "candidates-test");
    private final BulletinCandidateProjection projection = new BulletinCandidateProjection(mongo);

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    private static GlobalSequenceTrackingToken at(long position) {
        return new GlobalSequenceTrackingToken(position);
    }

    private static UrgingNoticeIssuedEvent issued(String notice) {
        return new UrgingNoticeIssuedEvent(TASK, new UrgingNoticeId(notice), "office-chen", Role.BUREAU_OFFICE,
                "进度滞后", "说明原因", REPLY_BY, PLANNING, WANG, Instant.parse("2026-04-03T02:00:00Z"));
    }

    @Test
    void an_unanswered_notice_is_a_problem_of_the_month_it_went_unanswered_with_its_late_reply_as_more_evidence() {
        projection.on(issued("notice-1"), "e-issued", at(10));
        assertThat(projection.of(YearMonth.parse("2026-04"))).isEmpty();

        projection.on(new UrgingNoticeWentUnansweredEvent(TASK, new UrgingNoticeId("notice-1"), PLANNING, WANG, REPLY_BY,
                Instant.parse("2026-04-11T00:05:00Z")), "e-unanswered", at(12));
        UrgingNoticeAnsweredEvent late = new UrgingNoticeAnsweredEvent(TASK, new UrgingNoticeId("notice-1"), PLANNING,
                "staff-li", "协调未完成", "每周调度", 55, REPLY_BY, true, Instant.parse("2026-05-02T02:00:00Z"));
        projection.on(late, "e-late", at(15));
        projection.on(late, "e-late", at(15));

        assertThat(projection.of(YearMonth.parse("2026-04"))).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(BulletinCandidate.URGING_UNANSWERED);
            assertThat(c.entryKind()).isEqualTo("PROBLEM");
            assertThat(c.unitIds()).containsExactly("planning");
            assertThat(c.cadreIds()).containsExactly("cadre-wang");
            assertThat(c.reason()).isEqualTo("进度滞后");
            assertThat(c.evidence()).extracting(BulletinCandidate.Evidence::eventId, BulletinCandidate.Evidence::position)
                    .containsExactly(tuple("e-issued", 10L), tuple("e-unanswered", 12L), tuple("e-late", 15L));
        });
        assertThat(projection.of(YearMonth.parse("2026-05"))).isEmpty();
    }

    @Test
    void a_notice_answered_in_time_is_no_candidate_and_a_late_receipt_is_one() {
        projection.on(issued("notice-2"), "e-issued", at(10));
        projection.on(new UrgingNoticeAnsweredEvent(TASK, new UrgingNoticeId("notice-2"), PLANNING, "staff-li", "已推进",
                "专人负责", 40, REPLY_BY, false, Instant.parse("2026-04-08T02:00:00Z")), "e-answered", at(11));
        projection.on(new TaskReceivedLateEvent(TASK, PLANNING, true, LocalDate.parse("2026-04-02"),
                Instant.parse("2026-04-03T00:05:00Z")), "e-receipt", at(13));

        assertThat(projection.of(YearMonth.parse("2026-04"))).extracting(BulletinCandidate::kind)
                .containsExactly(BulletinCandidate.RECEIVED_LATE);
    }
}
