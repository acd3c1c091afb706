package ledger.kernel.taskforce;

import ledger.kernel.shared.Identifier;
import ledger.kernel.shared.Require;

/** A task force for a hard problem (工作难题专班). */
public record TaskForceId(String value) implements Identifier {

    public TaskForceId {
        Require.id(value, "taskForceId");
    }

    @Override
    public String toString() {
        return value;
    }
}
