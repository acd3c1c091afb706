package ledger.query.statistics;

import java.time.YearMonth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.PositiveOrZero;
import ledger.web.RequestFields;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Statistics 统计")
class StatisticsController {

    private final StatisticsReader reader;

    StatisticsController(StatisticsReader reader) {
        this.reader = reader;
    }

    @GetMapping("/api/statistics")
    @Operation(summary = "Per month (each month's ledger, carried-over tasks included, as it stood when the month "
            + "ended) and over the period (each task once): tasks, completed on time and late, overdue, at risk, "
            + "escalated, closed by a decision, the on-time rate (on time of those due: completed or overdue) and "
            + "urging notices issued and unanswered; in all and per lead unit and lead leader. At most 24 months; "
            + "the last twelve when from and to are absent")
    StatisticsView statistics(
            @Parameter(description = "first month, e.g. 2026-01") @RequestParam(required = false) String from,
            @Parameter(description = "last month, e.g. 2026-12") @RequestParam(required = false) String to,
            @Parameter(description = "wait (bounded) until the views include this global position")
            @RequestParam(required = false) @PositiveOrZero Long minPosition) {
        YearMonth[] period = reader.lastTwelveMonths();
        YearMonth last = to == null ? (from == null ? period[1] : RequestFields.month(from).plusMonths(11))
                : RequestFields.month(to);
        YearMonth first = from == null ? last.minusMonths(11) : RequestFields.month(from);
        return reader.read(first, last, minPosition);
    }
}
