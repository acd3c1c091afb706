package ledger.query.statistics;

import java.time.Clock;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ledger.kernel.shared.BureauTime;
import ledger.kernel.shared.InvalidMessageException;
import ledger.query.infrastructure.ViewPositions;
import ledger.query.ledger.LedgerReader;
import org.springframework.stereotype.Component;

/**
 * Reads the statistics for the API and the page: which tasks each month's ledger holds (the ledger's own
 * carry-over rule), then their month-end standings by id. Both are key lookups per month, not a scan of the
 * log; a period is at most {@link #MAX_MONTHS} months.
 */
@Component
public class StatisticsReader {

    public static final int MAX_MONTHS = 24;

    private final LedgerReader ledger;
    private final TaskHistories histories;
    private final ViewPositions positions;
    private final Clock clock;

    StatisticsReader(LedgerReader ledger, TaskHistories histories, ViewPositions positions, Clock clock) {
        this.ledger = ledger;
        this.histories = histories;
        this.positions = positions;
        this.clock = clock;
    }

    /** This month in the bureau's time zone. */
    public YearMonth thisMonth() {
        return YearMonth.from(BureauTime.dayOf(clock.instant()));
    }

    /** The twelve months ending with this one. */
    public YearMonth[] lastTwelveMonths() {
        YearMonth to = thisMonth();
        return new YearMonth[] {to.minusMonths(11), to};
    }

    public StatisticsView read(YearMonth from, YearMonth to, Long minPosition) {
        if (from.isAfter(to)) {
            throw new InvalidMessageException("from", "must not be after to");
        }
        if (from.plusMonths(MAX_MONTHS - 1).isBefore(to)) {
            throw new InvalidMessageException("to", "a period is at most " + MAX_MONTHS + " months");
        }
        positions.awaitPosition(LedgerReader.PROCESSOR, minPosition);
        positions.awaitPosition(StatisticsProjection.GROUP, minPosition);
        Map<YearMonth, List<String>> ledgerTasks = ledger.monthTaskIds(from, to);
        Set<String> all = new LinkedHashSet<>();
        ledgerTasks.values().forEach(all::addAll);
        Map<String, TaskHistory> byId = new LinkedHashMap<>();
        for (TaskHistory history : histories.findAll(all)) {
            byId.put(history.taskId(), history);
        }
        return Statistics.compute(ledgerTasks, byId);
    }
}
