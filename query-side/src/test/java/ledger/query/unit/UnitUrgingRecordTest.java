package ledger.query.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.organisation.UnitKind;
import ledger.kernel.organisation.UnitRegisteredEvent;
import ledger.kernel.security.Role;
import ledger.kernel.task.TaskId;
import ledger.kernel.task.UrgingNoticeAnsweredEvent;
import ledger.kernel.task.UrgingNoticeId;
import ledger.kernel.task.UrgingNoticeIssuedEvent;
import ledger.kernel.task.UrgingNoticeWentUnansweredEvent;
import ledger.storeserver.EmbeddedStoreServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The unit record lists the urging notices on the tasks it led, with replies and unanswered marks. */
class UnitUrgingRecordTest {

    private static final UnitId PLANNING = new UnitId("planning");
    private static final TaskId TASK = new TaskId("task-1");
    private static final LocalDate REPLY_BY = LocalDate.parse("2026-04-10");

    private final EmbeddedStoreServer server = EmbeddedStoreServer.inMemory("127.0.0.1", 0);
    private final MongoClient client = MongoClients.create(server.connectionString());
    private final MongoTemplate mongo = new MongoTemplate(client, "unit-records-test");
    private final UnitRecordProjection projection = new UnitRecordProjection(mongo);

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    private static UrgingNoticeIssuedEvent issued(String notice, String reason) {
        return new UrgingNoticeIssuedEvent(TASK, new UrgingNoticeId(notice), "office-chen", Role.BUREAU_OFFICE, reason,
                "说明原因", REPLY_BY, PLANNING, new CadreId("cadre-wang"), Instant.parse("2026-04-03T02:00:00Z"));
    }

    @Test
    void notices_replies_and_unanswered_marks_are_facts_on_the_lead_units_record_each_with_its_events() {
        projection.on(new UnitRegisteredEvent(PLANNING, "规划处", UnitKind.DIVISION, false,
                Instant.parse("2026-01-01T00:00:00Z")), "e-1");
        projection.on(issued("notice-1", "进度滞后"), "e-2");
        projection.on(issued("notice-2", "材料未报"), "e-3");
        projection.on(new UrgingNoticeWentUnansweredEvent(TASK, new UrgingNoticeId("notice-1"), PLANNING,
                new CadreId("cadre-wang"), REPLY_BY, Instant.parse("2026-04-11T00:05:00Z")), "e-4");
        UrgingNoticeAnsweredEvent reply = new UrgingNoticeAnsweredEvent(TASK, new UrgingNoticeId("notice-2"), PLANNING,
                "staff-li", "已补报", "专人负责", 40, REPLY_BY, false, Instant.parse("2026-04-08T02:00:00Z"));
        projection.on(reply, "e-5");
        projection.on(reply, "e-5");

        UnitRecordView record = mongo.findById("planning", UnitRecordView.class);
        assertThat(record.urgings()).hasSize(2);
        UnitRecordView.Urging first = record.urgings().get(0);
        assertThat(first.reason()).isEqualTo("进度滞后");
        assertThat(first.unanswered()).isTrue();
        assertThat(first.answeredAt()).isNull();
        assertThat(first.eventIds()).containsExactly("e-2", "e-4");
        UnitRecordView.Urging second = record.urgings().get(1);
        assertThat(second.answeredAt()).isEqualTo(Instant.parse("2026-04-08T02:00:00Z"));
        assertThat(second.lateReply()).isFalse();
        assertThat(second.unanswered()).isFalse();
        assertThat(second.eventIds()).containsExactly("e-3", "e-5");
    }
}
