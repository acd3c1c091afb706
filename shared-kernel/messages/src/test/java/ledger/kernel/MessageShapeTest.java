package ledger.kernel;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import ledger.kernel.security.Actor;
import ledger.kernel.security.Role;
import ledger.kernel.shared.InvalidMessageException;
import ledger.kernel.task.ReportProgressCommand;
import ledger.kernel.task.TaskId;
import org.junit.jupiter.api.Test;

class MessageShapeTest {

    private static final Actor STAFF = new Actor("cadre-1", Role.UNIT_STAFF, "unit-a");

    @Test
    void a_typed_id_refuses_blank_or_odd_values() {
        assertThatThrownBy(() -> new TaskId(" ")).isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> new TaskId("a/b")).isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> new TaskId("x".repeat(65))).isInstanceOf(InvalidMessageException.class);
    }

    @Test
    void an_actor_names_a_person_and_a_role() {
        assertThatThrownBy(() -> new Actor(" ", Role.UNIT_STAFF, null)).hasMessageContaining("personId");
        assertThatThrownBy(() -> new Actor("cadre-1", null, null)).hasMessageContaining("role");
    }

    @Test
    void a_progress_report_is_a_percentage_with_a_narrative() {
        Instant now = Instant.parse("2026-03-01T00:00:00Z");
        assertThatThrownBy(() -> new ReportProgressCommand(new TaskId("t"), STAFF, 101, "x", now, null))
                .hasMessageContaining("percent");
        assertThatThrownBy(() -> new ReportProgressCommand(new TaskId("t"), STAFF, 10, "  ", now, null))
                .hasMessageContaining("narrative");
    }
}
