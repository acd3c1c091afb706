package ledger.kernel.taskforce;

import java.time.Instant;

import org.axonframework.serialization.Revision;

@Revision("1")
public record FeasibilityOpinionSubmittedEvent(TaskForceId taskForceId, String opinion, Instant submittedAt) {
}
