package ledger.query.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import ledger.kernel.bulletin.BulletinEntry;
import ledger.kernel.bulletin.BulletinEntryAddedEvent;
import ledger.kernel.bulletin.BulletinId;
import ledger.kernel.bulletin.BulletinPublishedEvent;
import ledger.kernel.bulletin.ErratumPublishedEvent;
import ledger.kernel.bulletin.EntryKind;
import ledger.kernel.evaluation.ScoreCorrectedEvent;
import ledger.kernel.evaluation.ScoreId;
import ledger.kernel.evaluation.ScoreRecordedEvent;
import ledger.kernel.evaluation.ScoreScale;
import ledger.kernel.evaluation.ScoreSubject;
import ledger.kernel.organisation.AwardKind;
import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.UnitAwardGrantedEvent;
import ledger.kernel.organisation.UnitHeadAppointedEvent;
import ledger.kernel.organisation.UnitHeadshipEndedEvent;
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
        events.publish(new GenericDomainEventMessage<>("Bulletin", november.value(), 1, new BulletinPublishedEvent(
                november, YearMonth.parse("2026-11"), 1, NOW)));

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

    /**
     * Issue 11: only published bulletin entries reach a unit's record, each with its errata beside
     * it; and the record keeps who headed the unit when.
     */
    @Test
    void a_units_record_shows_published_entries_with_their_errata_and_its_heads_over_time() {
        UnitId unit = new UnitId("unit-record-heads");
        events.publish(new GenericDomainEventMessage<>("Unit", unit.value(), 0,
                new UnitRegisteredEvent(unit, "住房保障处", UnitKind.DIVISION, false, NOW)));
        String appointed = publish("Unit", unit.value(), 1, new UnitHeadAppointedEvent(unit, new CadreId("cadre-zhou"),
                LocalDate.parse("2024-01-01"), NOW));
        String ended = publish("Unit", unit.value(), 2, new UnitHeadshipEndedEvent(unit, new CadreId("cadre-zhou"),
                LocalDate.parse("2026-07-01"), "由 cadre-wu 接任", NOW));
        publish("Unit", unit.value(), 3, new UnitHeadAppointedEvent(unit, new CadreId("cadre-wu"),
                LocalDate.parse("2026-07-01"), NOW));
        String bulletin = "bulletin-2027-01-" + unit;
        BulletinId january = BulletinId.of(YearMonth.parse("2027-01"));
        String added = publish("Bulletin", bulletin, 0, new BulletinEntryAddedEvent(january, new BulletinEntry(
                "entry-heads-1", EntryKind.PROBLEM, "配租进度滞后10天", List.of(unit.value()), null, null, null), NOW));
        long draftOnly = engine.lastReservedPosition();
        assertThat((List<?>) as(Role.UNIT_STAFF).getForObject("/api/units/" + unit + "/record?minPosition=" + draftOnly,
                Map.class).get("bulletinMentions")).as("a draft is the supervision group's").isEmpty();
        String published = publish("Bulletin", bulletin, 1, new BulletinPublishedEvent(january,
                YearMonth.parse("2027-01"), 1, NOW));
        String erratum = publish("Bulletin", bulletin, 2, new ErratumPublishedEvent(january, "entry-heads-1",
                "应为滞后7天", "天数计算有误", NOW));

        Map<String, Object> record = as(Role.UNIT_STAFF)
                .getForObject("/api/units/" + unit + "/record?minPosition=" + engine.lastReservedPosition(), Map.class);

        assertThat((List<Map<String, Object>>) record.get("bulletinMentions")).singleElement().satisfies(m -> {
            assertThat(m).containsEntry("text", "配租进度滞后10天").containsEntry("eventId", added)
                    .containsEntry("eventIds", List.of(added, published, erratum));
            assertThat((List<Map<String, Object>>) m.get("errata")).singleElement().satisfies(e -> assertThat(e)
                    .containsEntry("correction", "应为滞后7天").containsEntry("reason", "天数计算有误"));
        });
        assertThat((List<Map<String, Object>>) record.get("heads")).extracting(h -> h.get("cadreId"), h -> h.get("from"),
                h -> h.get("endedOn")).containsExactly(tuple("cadre-zhou", "2024-01-01", "2026-07-01"),
                tuple("cadre-wu", "2026-07-01", null));
        assertThat((List<Map<String, Object>>) record.get("heads")).first()
                .satisfies(h -> assertThat(h).containsEntry("eventIds", List.of(appointed, ended)));
    }

    private String publish(String type, String aggregate, long sequence, Object payload) {
        GenericDomainEventMessage<Object> event = new GenericDomainEventMessage<>(type, aggregate, sequence, payload);
        events.publish(event);
        return event.getIdentifier();
    }
}
