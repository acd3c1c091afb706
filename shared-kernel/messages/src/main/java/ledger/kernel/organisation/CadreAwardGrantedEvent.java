package ledger.kernel.organisation;

import java.time.Instant;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CadreAwardGrantedEvent(CadreId cadreId,
                                     AwardKind award,
                                     int year,
                                     String citation,
                                     Instant grantedAt) {
}
