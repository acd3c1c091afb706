package ledger.query.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One key task as the monthly ledger shows it. {@code version} is the last task event applied. */
@Document("ledger_tasks")
public record LedgerTaskView(
        @Id String taskId,
        String ledgerMonth,
        String title,
        String source,
        String sourceLabel,
        String leadLeaderId,
        String leadUnitId,
        List<String> coUnitIds,
        LocalDate dueDate,
        Instant assignedAt,
        Progress latestProgress,
        int progressReports,
        long version,
        long position) {

    /** The latest progress report, or null before the first one. */
    public record Progress(int percent, String narrative, Instant reportedAt) {
    }

    LedgerTaskView withProgress(Progress progress, long version, long position) {
        return new LedgerTaskView(taskId, ledgerMonth, title, source, sourceLabel, leadLeaderId, leadUnitId, coUnitIds,
                dueDate,
                assignedAt, progress, progressReports + 1, version, position);
    }
}
