package ledger.kernel;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import ledger.kernel.shared.InvalidMessageException;
import ledger.kernel.task.ReportProgressCommand;
import ledger.kernel.task.TaskId;
import org.junit.jupiter.api.Test;

class MessageShapeTest {

    @Test
    void a_typed_id_refuses_blank_or_odd_values() {
        assertThatThrownBy(() -> new TaskId(" ")).isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> new TaskId("a/b")).isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> new TaskId("x".repeat(65))).isInstanceOf(InvalidMessageException.class);
    }

    @Test
    void a_progress_report_is_a_percentage_with_a_narrative() {
        Instant now = Instant.parse("2026-03-01T00:00:00Z");
        assertThatThrownBy(() -> new ReportProgressCommand(new TaskId("t"), 101, "x", now, null))
                .hasMessageContaining("percent");
        assertThatThrownBy(() -> new ReportProgressCommand(new TaskId("t"), 10, "  ", now, null))
                .hasMessageContaining("narrative");
    }
}
