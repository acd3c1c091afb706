package ledger.command.organisation;

import static ledger.command.Rules.refusedWith;

import java.time.Instant;
import java.time.LocalDate;

import ledger.kernel.organisation.AppointUnitHeadCommand;
import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.EndUnitHeadshipCommand;
import ledger.kernel.organisation.UnitHeadAppointedEvent;
import ledger.kernel.organisation.UnitHeadshipEndedEvent;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.organisation.UnitKind;
import ledger.kernel.organisation.UnitRegisteredEvent;
import ledger.kernel.shared.ErrorCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/** Who heads a unit (处室负责人): dated appointments and ends, in date order. */
class UnitHeadTest {

    private static final UnitId PLANNING = new UnitId("planning");
    private static final CadreId ZHANG = new CadreId("cadre-zhang");
    private static final CadreId LI = new CadreId("cadre-li");
    private static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");
    private static final LocalDate JAN = LocalDate.parse("2026-01-01");
    private static final LocalDate APRIL = LocalDate.parse("2026-04-01");
    private static final UnitRegisteredEvent REGISTERED = new UnitRegisteredEvent(PLANNING, "规划处", UnitKind.DIVISION,
            false, NOW);
    private static final UnitHeadAppointedEvent ZHANG_HEADS = new UnitHeadAppointedEvent(PLANNING, ZHANG, JAN, NOW);

    private final AggregateTestFixture<Unit> units = new AggregateTestFixture<>(Unit.class);

    @Test
    void a_cadre_is_appointed_head_of_a_unit_from_a_day() {
        units.given(REGISTERED)
             .when(new AppointUnitHeadCommand(PLANNING, ZHANG, JAN, NOW))
             .expectEvents(ZHANG_HEADS);
    }

    @Test
    void a_successor_takes_over_on_the_day_and_the_predecessors_headship_ends_that_day() {
        units.given(REGISTERED, ZHANG_HEADS)
             .when(new AppointUnitHeadCommand(PLANNING, LI, APRIL, NOW))
             .expectEvents(new UnitHeadshipEndedEvent(PLANNING, ZHANG, APRIL, "由 cadre-li 接任", NOW),
                     new UnitHeadAppointedEvent(PLANNING, LI, APRIL, NOW));
    }

    @Test
    void a_headship_ends_on_its_own_with_a_reason_and_a_new_head_may_start_that_day() {
        units.given(REGISTERED, ZHANG_HEADS)
             .when(new EndUnitHeadshipCommand(PLANNING, APRIL, "调任局办公室", NOW))
             .expectEvents(new UnitHeadshipEndedEvent(PLANNING, ZHANG, APRIL, "调任局办公室", NOW));
        units.given(REGISTERED, ZHANG_HEADS, new UnitHeadshipEndedEvent(PLANNING, ZHANG, APRIL, "调任", NOW))
             .when(new AppointUnitHeadCommand(PLANNING, LI, APRIL, NOW))
             .expectEvents(new UnitHeadAppointedEvent(PLANNING, LI, APRIL, NOW));
    }

    @Test
    void the_head_in_office_is_not_appointed_again() {
        units.given(REGISTERED, ZHANG_HEADS)
             .when(new AppointUnitHeadCommand(PLANNING, ZHANG, APRIL, NOW))
             .expectNoEvents()
             .expectException(refusedWith(ErrorCode.ALREADY_UNIT_HEAD));
    }

    @Test
    void a_successor_cannot_start_before_or_on_the_day_the_current_head_started() {
        units.given(REGISTERED, ZHANG_HEADS)
             .when(new AppointUnitHeadCommand(PLANNING, LI, JAN, NOW))
             .expectNoEvents()
             .expectException(refusedWith(ErrorCode.HEADSHIP_BEFORE_LAST_CHANGE));
    }

    @Test
    void a_new_head_cannot_start_before_the_last_headship_ended() {
        units.given(REGISTERED, ZHANG_HEADS, new UnitHeadshipEndedEvent(PLANNING, ZHANG, APRIL, "调任", NOW))
             .when(new AppointUnitHeadCommand(PLANNING, LI, APRIL.minusDays(1), NOW))
             .expectNoEvents()
             .expectException(refusedWith(ErrorCode.HEADSHIP_BEFORE_LAST_CHANGE));
    }

    @Test
    void a_headship_cannot_end_before_or_on_the_day_it_began() {
        units.given(REGISTERED, ZHANG_HEADS)
             .when(new EndUnitHeadshipCommand(PLANNING, JAN, "倒签", NOW))
             .expectNoEvents()
             .expectException(refusedWith(ErrorCode.HEADSHIP_BEFORE_LAST_CHANGE));
    }

    @Test
    void only_a_head_in_office_has_a_headship_to_end() {
        units.given(REGISTERED)
             .when(new EndUnitHeadshipCommand(PLANNING, APRIL, "无人在任", NOW))
             .expectNoEvents()
             .expectException(refusedWith(ErrorCode.NO_UNIT_HEAD));
        units.given(REGISTERED, ZHANG_HEADS, new UnitHeadshipEndedEvent(PLANNING, ZHANG, APRIL, "调任", NOW))
             .when(new EndUnitHeadshipCommand(PLANNING, APRIL.plusDays(1), "再次免去", NOW))
             .expectNoEvents()
             .expectException(refusedWith(ErrorCode.NO_UNIT_HEAD));
    }
}
