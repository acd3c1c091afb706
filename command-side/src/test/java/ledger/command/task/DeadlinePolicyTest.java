package ledger.command.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class DeadlinePolicyTest {

    private static final DeadlinePolicy POLICY = new DeadlinePolicy(3);
    private static final LocalDate DUE = LocalDate.parse("2026-04-15");

    @Test
    void the_watch_looks_again_on_the_first_day_something_can_be_recorded_and_never_after_the_miss() {
        assertThat(POLICY.nextCheckOn(DUE, null, null)).isEqualTo("2026-04-12");
        assertThat(POLICY.nextCheckOn(DUE, DUE, null)).isEqualTo("2026-04-16");
        assertThat(POLICY.nextCheckOn(DUE, DUE, DUE)).isNull();
        // flags recorded for an earlier due date do not count for the new one
        LocalDate earlier = LocalDate.parse("2026-03-10");
        assertThat(POLICY.nextCheckOn(DUE, earlier, earlier)).isEqualTo("2026-04-12");
    }

    @Test
    void yellow_from_three_days_before_red_from_the_day_after() {
        assertThat(POLICY.due(LocalDate.parse("2026-04-11"), DUE, null, null)).isNull();
        assertThat(POLICY.due(LocalDate.parse("2026-04-12"), DUE, null, null)).isEqualTo(DeadlinePolicy.Light.AT_RISK);
        assertThat(POLICY.due(LocalDate.parse("2026-04-15"), DUE, DUE, null)).isNull();
        assertThat(POLICY.due(LocalDate.parse("2026-04-16"), DUE, DUE, null)).isEqualTo(DeadlinePolicy.Light.MISSED);
        assertThat(POLICY.due(LocalDate.parse("2026-04-20"), DUE, null, DUE)).isNull();
    }
}
