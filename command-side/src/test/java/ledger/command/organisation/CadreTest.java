package ledger.command.organisation;

import static ledger.command.Rules.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import ledger.kernel.organisation.AppointBureauLeaderCommand;
import ledger.kernel.organisation.BureauLeaderAppointedEvent;
import ledger.kernel.organisation.CadreEmailRecordedEvent;
import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.CadreLeftBureauEvent;
import ledger.kernel.organisation.CadreRegisteredEvent;
import ledger.kernel.organisation.CadreTransferredEvent;
import ledger.kernel.organisation.RecordCadreEmailCommand;
import ledger.kernel.organisation.RegisterCadreCommand;
import ledger.kernel.organisation.RegisterUnitCommand;
import ledger.kernel.organisation.TransferCadreCommand;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.organisation.UnitKind;
import ledger.kernel.organisation.UnitRegisteredEvent;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.InvalidMessageException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class CadreTest {

    private static final CadreId LI = new CadreId("cadre-li");
    private static final UnitId PLANNING = new UnitId("planning");
    private static final UnitId CONSTRUCTION = new UnitId("construction");
    private static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");
    private static final CadreRegisteredEvent REGISTERED = new CadreRegisteredEvent(LI, "李明", PLANNING, "科员", true,
            LocalDate.parse("2025-07-01"), NOW);

    private final AggregateTestFixture<Cadre> cadres = new AggregateTestFixture<>(Cadre.class);

    @Test
    void the_personnel_office_registers_a_cadre_in_a_unit() {
        cadres.givenNoPriorActivity()
              .when(new RegisterCadreCommand(LI, "李明", PLANNING, "科员", true, LocalDate.parse("2025-07-01"), NOW))
              .expectEvents(REGISTERED);
    }

    @Test
    void a_bureau_leader_is_registered_in_the_bureaus_leadership_without_a_unit_and_appointed() {
        CadreId director = new CadreId("cadre-director");
        CadreRegisteredEvent registered = new CadreRegisteredEvent(director, "王局长", null, "局长", true,
                LocalDate.parse("2024-01-01"), NOW);
        cadres.givenNoPriorActivity()
              .when(new RegisterCadreCommand(director, "王局长", null, "局长", true, LocalDate.parse("2024-01-01"), NOW))
              .expectEvents(registered);
        cadres.given(registered)
              .when(new AppointBureauLeaderCommand(director, "局长", List.of("全面工作"), false,
                      LocalDate.parse("2024-01-01"), NOW))
              .expectEvents(new BureauLeaderAppointedEvent(director, "局长", List.of("全面工作"), false,
                      LocalDate.parse("2024-01-01"), NOW));
    }

    @Test
    void a_member_of_the_leadership_posted_to_a_unit_leaves_no_unit_behind() {
        CadreId director = new CadreId("cadre-director");
        cadres.given(new CadreRegisteredEvent(director, "王局长", null, "局长", true, LocalDate.parse("2024-01-01"), NOW))
              .when(new TransferCadreCommand(director, PLANNING, "调研员", LocalDate.parse("2026-03-01"), "任职年龄到限", NOW))
              .expectEvents(new CadreTransferredEvent(director, null, PLANNING, "调研员", LocalDate.parse("2026-03-01"),
                      "任职年龄到限", NOW));
        cadres.given(new CadreRegisteredEvent(director, "王局长", null, "局长", true, LocalDate.parse("2024-01-01"), NOW))
              .when(new TransferCadreCommand(director, PLANNING, "调研员", LocalDate.parse("2023-12-31"), "补记", NOW))
              .expectNoEvents()
              .expectException(refusedWith(ErrorCode.TRANSFER_BEFORE_CURRENT_POSTING));
    }

    @Test
    void units_are_of_the_kinds_the_bureau_has() {
        for (UnitKind kind : List.of(UnitKind.DIVISION, UnitKind.AFFILIATED_UNIT, UnitKind.STATIONED_DISCIPLINE_GROUP)) {
            UnitId unit = new UnitId("unit-" + kind.name().toLowerCase(java.util.Locale.ROOT));
            new AggregateTestFixture<>(Unit.class).givenNoPriorActivity()
                    .when(new RegisterUnitCommand(unit, kind.label(), kind, false, NOW))
                    .expectEvents(new UnitRegisteredEvent(unit, kind.label(), kind, false, NOW));
        }
        assertThat(List.of(UnitKind.DIVISION, UnitKind.AFFILIATED_UNIT, UnitKind.STATIONED_DISCIPLINE_GROUP))
                .extracting(UnitKind::label).containsExactly("机关处室", "局属单位", "驻局纪检监察组");
    }

    @Test
    void the_personnel_office_records_the_address_at_which_a_cadre_is_told_of_reminders() {
        cadres.given(REGISTERED)
              .when(new RecordCadreEmailCommand(LI, " li.ming@zjj.example.gov.cn ", NOW))
              .expectEvents(new CadreEmailRecordedEvent(LI, "li.ming@zjj.example.gov.cn", NOW));
    }

    @Test
    void a_new_address_replaces_the_old_but_the_same_address_again_is_refused() {
        CadreEmailRecordedEvent recorded = new CadreEmailRecordedEvent(LI, "li.ming@zjj.example.gov.cn", NOW);
        cadres.given(REGISTERED, recorded)
              .when(new RecordCadreEmailCommand(LI, "Li.Ming@zjj.example.gov.cn", NOW))
              .expectNoEvents()
              .expectException(refusedWith(ErrorCode.SAME_VALUE));
        cadres.given(REGISTERED, recorded)
              .when(new RecordCadreEmailCommand(LI, "liming@zjj.example.gov.cn", NOW))
              .expectEvents(new CadreEmailRecordedEvent(LI, "liming@zjj.example.gov.cn", NOW));
    }

    @Test
    void no_address_is_recorded_for_a_cadre_who_left_the_bureau() {
        cadres.given(REGISTERED, new CadreLeftBureauEvent(LI, LocalDate.parse("2026-02-01"), "退休", NOW))
              .when(new RecordCadreEmailCommand(LI, "li.ming@zjj.example.gov.cn", NOW))
              .expectNoEvents()
              .expectException(refusedWith(ErrorCode.ALREADY_LEFT));
    }

    @Test
    void an_address_without_a_dotted_domain_is_bad_input() {
        assertThatThrownBy(() -> new RecordCadreEmailCommand(LI, "li.ming@localhost", NOW))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("email");
    }

    @Test
    void a_transfer_records_where_from_where_to_and_why() {
        cadres.given(REGISTERED)
              .when(new TransferCadreCommand(LI, CONSTRUCTION, "副处长", LocalDate.parse("2026-03-01"), "竞争上岗", NOW))
              .expectEvents(new CadreTransferredEvent(LI, PLANNING, CONSTRUCTION, "副处长", LocalDate.parse("2026-03-01"),
                      "竞争上岗", NOW));
    }

    @Test
    void a_transfer_to_the_same_unit_and_position_is_refused() {
        cadres.given(REGISTERED)
              .when(new TransferCadreCommand(LI, PLANNING, "科员", LocalDate.parse("2026-03-01"), "无变化", NOW))
              .expectNoEvents()
              .expectException(refusedWith(ErrorCode.TRANSFER_TO_SAME_UNIT_AND_POSITION));
    }

    @Test
    void a_transfer_cannot_take_effect_before_the_current_posting() {
        cadres.given(REGISTERED)
              .when(new TransferCadreCommand(LI, CONSTRUCTION, "科员", LocalDate.parse("2025-06-30"), "倒签", NOW))
              .expectNoEvents()
              .expectException(refusedWith(ErrorCode.TRANSFER_BEFORE_CURRENT_POSTING));
    }

    @Test
    void a_cadre_is_recorded_as_bureau_leader_with_areas_in_charge() {
        cadres.given(REGISTERED)
              .when(new AppointBureauLeaderCommand(LI, "副局长", List.of("城市更新"), true, LocalDate.parse("2026-03-01"), NOW))
              .expectEvents(new BureauLeaderAppointedEvent(LI, "副局长", List.of("城市更新"), true,
                      LocalDate.parse("2026-03-01"), NOW));
    }

    @Test
    void a_unit_is_registered_with_its_kind() {
        new AggregateTestFixture<>(Unit.class).givenNoPriorActivity()
                .when(new RegisterUnitCommand(PLANNING, "规划处", UnitKind.DIVISION, false, NOW))
                .expectEvents(new UnitRegisteredEvent(PLANNING, "规划处", UnitKind.DIVISION, false, NOW));
    }
}
