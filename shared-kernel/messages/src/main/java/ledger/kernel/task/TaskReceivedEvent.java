package ledger.kernel.task;

import java.time.Instant;

import ledger.kernel.organisation.UnitId;
import ledger.kernel.security.Role;
import org.axonframework.serialization.Revision;

/**
 * A unit signed for its part of a task (签收): the lead unit for the task, a co-unit for its share.
 * {@code receivedBy} is the person who signed for the unit, in {@code role}.
 */
@Revision("1")
public record TaskReceivedEvent(
        TaskId taskId,
        UnitId unitId,
        boolean leadUnit,
        String receivedBy,
        Role role,
        Instant receivedAt) {
}
