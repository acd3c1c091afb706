package ledger.kernel.task;

import java.time.Instant;

import ledger.kernel.security.Actor;
import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The lead unit's reply to an urging notice: explanation, measures and the progress reached. */
public record AnswerUrgingNoticeCommand(
        @TargetAggregateIdentifier TaskId taskId,
        UrgingNoticeId noticeId,
        Actor replier,
        String explanation,
        String measures,
        int percent,
        Instant answeredAt) {

    public AnswerUrgingNoticeCommand {
        Require.present(taskId, "taskId");
        Require.present(noticeId, "noticeId");
        Require.present(replier, "replier");
        explanation = Require.text(explanation, "explanation", 4000);
        measures = Require.text(measures, "measures", 4000);
        Require.between(percent, 0, 100, "percent");
        Require.present(answeredAt, "answeredAt");
    }
}
