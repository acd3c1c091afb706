package ledger.query.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import ledger.kernel.bulletin.BulletinEntry;
import ledger.kernel.bulletin.BulletinEntryAddedEvent;
import ledger.kernel.bulletin.BulletinId;
import ledger.kernel.bulletin.EntryKind;
import ledger.kernel.evaluation.ScoreCorrectedEvent;
import ledger.kernel.evaluation.ScoreId;
import ledger.kernel.evaluation.ScoreRecordedEvent;
import ledger.kernel.evaluation.ScoreScale;
import ledger.kernel.evaluation.ScoreSubject;
import ledger.kernel.organisation.AwardKind;
import ledger.kernel.organisation.UnitAwardGrantedEvent;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.organisation.UnitKind;
import ledger.kernel.organisation.UnitRegisteredEvent;
import ledger.kernel.security.Role;
import ledger.query.SignedInViewTest;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

class UnitRecordIntegrationTest extends SignedInViewTest {

    private static final Instant NOW = Instant.parse("2026-12-20T02:00:00Z");



    @Test
    void a_units_record_shows_its_civilised_unit_award_scores_and_bulletin_mentions() {
        UnitId planning = new UnitId("unit-record-planning");
        events.publish(new GenericDomainEventMessage<>("Unit", planning.value(), 0,
                new UnitRegisteredEvent(planning, "规划处", UnitKind.DIVISION, false, NOW)));
        events.publish(new GenericDomainEventMessage<>("Unit", planning.value(), 1,
                new UnitAwardGrantedEvent(planning, AwardKind.CIVILISED_UNIT, 2026, "文明处室", NOW)));
        ScoreId score = new ScoreId("score-unit-1");
        events.publish(new GenericDomainEventMessage<>("Score", score.value(), 0, new ScoreRecordedEvent(score,
                YearMonth.parse("2026-11"), new ScoreSubject(ScoreSubject.Kind.UNIT, planning.value()), "quality",
                new ScoreScale(1, 5), 3, "材料不全", List.of(), NOW)));
        events.publish(new GenericDomainEventMessage<>("Score", score.value(), 1,
                new ScoreCorrectedEvent(score, 3, 4, "补交材料", "cadre-a", "cadre-b", NOW)));
        BulletinId november = BulletinId.of(YearMonth.parse("2026-11"));
        events.publish(new GenericDomainEventMessage<>("Bulletin", november.value(), 0, new BulletinEntryAddedEvent(
                november, new BulletinEntry("entry-7", EntryKind.HIGHLIGHT, "规划审批提速", List.of(planning.value()),
                null, null, null), NOW)));

        Map<String, Object> record = as(Role.UNIT_STAFF)
                .getForObject("/api/units/" + planning + "/record?minPosition=" + engine.lastReservedPosition(), Map.class);

        assertThat((List<Map<String, Object>>) record.get("awards")).singleElement()
                .satisfies(award -> assertThat(award).containsEntry("awardLabel", "文明处室").containsEntry("year", 2026));
        assertThat((List<Map<String, Object>>) record.get("scores")).singleElement()
                .satisfies(s -> assertThat(s).containsEntry("value", 4).containsEntry("originalValue", 3));
        assertThat((List<Map<String, Object>>) record.get("bulletinMentions")).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("text", "规划审批提速"));
        assertThat((List<?>) record.get("eventIds")).hasSize(5);
    }
}
