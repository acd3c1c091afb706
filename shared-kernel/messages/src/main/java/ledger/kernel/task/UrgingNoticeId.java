package ledger.kernel.task;

import ledger.kernel.shared.Identifier;
import ledger.kernel.shared.Require;

/** An urging notice (督办通知) on a task; unique within the task. */
public record UrgingNoticeId(String value) implements Identifier {

    public UrgingNoticeId {
        Require.id(value, "noticeId");
    }

    @Override
    public String toString() {
        return value;
    }
}
