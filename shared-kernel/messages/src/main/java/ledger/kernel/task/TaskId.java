package ledger.kernel.task;

import ledger.kernel.shared.Identifier;
import ledger.kernel.shared.Require;

public record TaskId(String value) implements Identifier {

    public TaskId {
        Require.id(value, "taskId");
    }

    @Override
    public String toString() {
        return value;
    }
}
