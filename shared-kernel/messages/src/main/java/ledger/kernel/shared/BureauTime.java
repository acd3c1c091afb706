package ledger.kernel.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Due dates are calendar days where the bureau works. */
public final class BureauTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /**
     * The days the ledger speaks of: a cadre's career began no earlier, no due date lies later.
     * Anything outside is a typing error, and some stores cannot hold it.
     */
    public static final LocalDate EARLIEST_DAY = LocalDate.of(1950, 1, 1);
    public static final LocalDate LATEST_DAY = LocalDate.of(2100, 12, 31);

    private BureauTime() {
    }

    public static boolean isSupported(LocalDate day) {
        return !day.isBefore(EARLIEST_DAY) && !day.isAfter(LATEST_DAY);
    }

    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }
}
