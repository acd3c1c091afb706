package ledger.kernel.organisation;

import java.time.Instant;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ErrorToleranceDecidedEvent(CadreId cadreId,
                                         String mistakeId,
                                         String experimentVersusViolation,
                                         String publicVersusPrivate,
                                         String unawareVersusKnowing,
                                         String partyGroupDecisionRef,
                                         Instant decidedAt) {
}
