package ledger.kernel.taskforce;

import java.time.Instant;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ProblemReferredEvent(TaskForceId taskForceId, LeadershipMeeting meeting, Instant referredAt) {
}
