package ledger.kernel.organisation;

import java.time.Instant;

import org.axonframework.serialization.Revision;

@Revision("1")
public record UnitAwardGrantedEvent(UnitId unitId,
                                    AwardKind award,
                                    int year,
                                    String citation,
                                    Instant grantedAt) {
}
