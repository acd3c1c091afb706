package ledger.query.web.ledger;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import ledger.kernel.shared.BureauTime;
import ledger.query.ledger.LedgerTaskView;
import ledger.query.web.Directory;
import org.springframework.context.MessageSource;

/**
 * The ledger's rows as a person reads them (names, not ids; the light and status in words), shared by
 * the page, the meeting screen and the exports so that an export holds exactly what the page shows.
 */
public record LedgerRows(List<Row> rows) {

    static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public record Row(int number, String taskId, String status, String light, String statusText, String title,
               String source, String leader, String unit, String coUnits, String originalDue, String due,
               boolean dueChanged, String progress, String pendingDeadline, boolean claimed, String carriedOverFrom,
               boolean received, String receipt, int urgingCount, String urging, boolean unanswered) {
    }

    static LedgerRows of(List<LedgerTaskView> tasks, int firstNumber, Directory.Names names, MessageSource messages,
                         Locale locale) {
        java.util.ArrayList<Row> rows = new java.util.ArrayList<>();
        int number = firstNumber;
        for (LedgerTaskView task : tasks) {
            String progress = task.latestProgress() == null ? messages.getMessage("ledger.noProgress", null, locale)
                    : messages.getMessage("ledger.progress", new Object[] {task.latestProgress().percent(),
                    task.latestProgress().narrative(), DAY_TIME.format(task.latestProgress().reportedAt()
                    .atZone(BureauTime.ZONE))}, locale);
            String source = messages.getMessage("source." + task.source(), null, task.sourceLabel(), locale);
            rows.add(new Row(number++, task.taskId(), task.status(),
                    messages.getMessage("light." + task.status(), null, task.status(), locale),
                    messages.getMessage("status." + task.status(), null, task.status(), locale),
                    task.title(), source, names.person(task.leadLeaderId()), names.unit(task.leadUnitId()),
                    names.units(task.coUnitIds()), String.valueOf(task.originalDueDate()), String.valueOf(task.dueDate()),
                    task.originalDueDate() != null && !task.originalDueDate().equals(task.dueDate()), progress,
                    task.proposedDueDate() == null ? null : task.proposedDueDate().toString(),
                    task.completionClaimedAt() != null && task.completedAt() == null,
                    task.carriedOver() ? task.ledgerMonth() : null, task.received(), receipt(task, names, messages, locale),
                    task.urgingCount(), urging(task, messages, locale), task.everUnanswered()));
        }
        return new LedgerRows(List.copyOf(rows));
    }

    /** 已签收 with who signed for the lead unit and when, or 未签收; 逾期 when its receipt days ran out first. */
    private static String receipt(LedgerTaskView task, Directory.Names names, MessageSource messages, Locale locale) {
        LedgerTaskView.Receipt receipt = task.leadReceipt();
        String text = receipt != null && receipt.received()
                ? messages.getMessage("ledger.received", new Object[] {names.person(receipt.receivedBy()),
                DAY_TIME.format(receipt.receivedAt().atZone(BureauTime.ZONE))}, locale)
                : messages.getMessage("ledger.notReceived", null, locale);
        return receipt != null && receipt.late() ? text + messages.getMessage("ledger.receivedLate", null, locale) : text;
    }

    /** The number of urging notices and the open one's reason, expectation and reply-by day; null when never urged. */
    private static String urging(LedgerTaskView task, MessageSource messages, Locale locale) {
        if (task.urgingCount() == 0) {
            return null;
        }
        LedgerTaskView.UrgingNotice open = task.openNotice();
        String text = messages.getMessage("ledger.urging.count", new Object[] {task.urgingCount()}, locale);
        if (open != null) {
            text += messages.getMessage("ledger.urging.open", new Object[] {open.reason(), open.expectation(),
                    open.replyBy().toString()}, locale);
        }
        return task.everUnanswered() ? text + messages.getMessage("ledger.urging.unanswered", null, locale) : text;
    }
}
