package ledger.query.ledger;

import java.util.List;

/** The monthly ledger (月度工作台账): every key task of the month, in the order they were assigned. */
public record MonthLedgerView(String month, int taskCount, List<LedgerTaskView> tasks) {
}
