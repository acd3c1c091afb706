package ledger.kernel.organisation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;

@Revision("1")
public record BureauLeaderAppointedEvent(CadreId cadreId, String title, List<String> areasInCharge,
                                         boolean inChargeOfPersonnel, LocalDate effectiveOn, Instant recordedAt) {
}
