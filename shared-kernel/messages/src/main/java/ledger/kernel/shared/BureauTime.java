package ledger.kernel.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Due dates are calendar days where the bureau works. */
public final class BureauTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BureauTime() {
    }

    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }
}
