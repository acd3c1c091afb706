package ledger.query.ledger;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.InvalidMessageException;
import ledger.kernel.shared.LedgerException;
import ledger.query.infrastructure.ViewPositions;
import org.springframework.http.MediaType;
import ledger.web.RequestFields;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@Tag(name = "Monthly ledger 月度工作台账")
class LedgerController {

    static final String PROCESSOR = "ledger";
    private static final String POSITION_HEADER = "X-Ledger-Position";
    private static final Comparator<LedgerTaskView> ASSIGNMENT_ORDER =
            Comparator.comparing(LedgerTaskView::assignedAt).thenComparing(LedgerTaskView::taskId);

    static final String AS_OF = "read the view as it stood then: an instant (2026-03-05T09:00:00+08:00: every event "
            + "stored by then) or a global event position";

    private final LedgerViews views;
    private final ViewPositions positions;

    private final LedgerStream stream;

    LedgerController(LedgerViews views, ViewPositions positions, LedgerStream stream) {
        this.views = views;
        this.positions = positions;
        this.stream = stream;
    }

    @GetMapping("/api/ledger/{month}")
    @Operation(summary = "The monthly ledger: the month's key tasks and the earlier ones still open when it began or "
            + "closed during it (carriedOver, 结转), filtered, paged, in assignment order, with totals per lead unit and "
            + "per lead leader over all of them")
    ResponseEntity<MonthLedgerView> month(
            @PathVariable String month,
            @Parameter(description = "only tasks led by this unit") @RequestParam(required = false) String unit,
            @Parameter(description = "only tasks led by this bureau leader") @RequestParam(required = false) String leader,
            @Parameter(description = "ON_TRACK, AT_RISK, OVERDUE, COMPLETED, ESCALATED, CANCELLED or MERGED")
            @RequestParam(required = false) String status,
            @Parameter(description = "the source, e.g. PARTY_GROUP_MEETING") @RequestParam(required = false) String source,
            @RequestParam(defaultValue = "0") @PositiveOrZero int page,
            @RequestParam(defaultValue = "50") @Positive @Max(200) int size,
            @Parameter(description = "wait (bounded) until the views include this global position, e.g. the "
                    + "position a command answered with")
            @RequestParam(required = false) @PositiveOrZero Long minPosition,
            @Parameter(description = AS_OF) @RequestParam(required = false) String asOf) {
        YearMonth ledgerMonth = RequestFields.month(month);
        positions.awaitPosition(PROCESSOR, minPosition);
        OptionalLong asOfPosition = positions.asOfPosition(asOf);
        positions.awaitAsOf(PROCESSOR, asOfPosition);
        List<LedgerTaskView> all = (asOfPosition.isPresent()
                ? views.monthAsOf(ledgerMonth.toString(), asOfPosition.getAsLong())
                : views.month(ledgerMonth.toString())).stream()
                .sorted(ASSIGNMENT_ORDER).toList();
        List<LedgerTaskView> matching = all.stream()
                .filter(task -> unit == null || unit.equals(task.leadUnitId()))
                .filter(task -> leader == null || leader.equals(task.leadLeaderId()))
                .filter(task -> status == null || status.equals(task.status()))
                .filter(task -> source == null || source.equals(task.source()))
                .toList();
        List<LedgerTaskView> pageOf = matching.stream().skip((long) page * size).limit(size).toList();
        return withPosition(ResponseEntity.ok(), new MonthLedgerView(ledgerMonth.toString(), asOfPosition.isPresent()
                ? asOfPosition.getAsLong() : null, matching.size(), page, size,
                pageOf, totals(all, LedgerTaskView::leadUnitId), totals(all, LedgerTaskView::leadLeaderId)));
    }

    private static List<MonthLedgerView.Totals> totals(List<LedgerTaskView> tasks,
                                                       Function<LedgerTaskView, String> by) {
        Map<String, List<LedgerTaskView>> grouped = tasks.stream()
                .collect(Collectors.groupingBy(by, TreeMap::new, Collectors.toList()));
        return grouped.entrySet().stream().map(e -> MonthLedgerView.Totals.of(e.getKey(), e.getValue())).toList();
    }

    @GetMapping(path = "/api/ledger/{month}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "The month's ledger live (server-sent events): each changed task as a `task` event whose id is "
            + "its global position; first every task changed after Last-Event-ID (all of them when absent)")
    SseEmitter stream(@PathVariable String month,
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        YearMonth ledgerMonth = RequestFields.month(month);
        long after;
        try {
            after = lastEventId == null || lastEventId.isBlank() ? 0 : Long.parseLong(lastEventId.trim());
        } catch (NumberFormatException e) {
            throw new InvalidMessageException("Last-Event-ID", "must be the id of an event this stream sent");
        }
        return stream.subscribe(ledgerMonth.toString(), after);
    }

    @GetMapping("/api/tasks/{taskId}")
    @Operation(summary = "One key task as the ledger shows it")
    ResponseEntity<LedgerTaskView> task(@PathVariable String taskId,
                                        @RequestParam(required = false) @PositiveOrZero Long minPosition,
                                        @Parameter(description = "wait (bounded) until the view shows at least this "
                                                + "task version, e.g. the version a command answered with")
                                        @RequestParam(required = false) @PositiveOrZero Long minVersion,
                                        @Parameter(description = AS_OF) @RequestParam(required = false) String asOf) {
        // the row is built from the task's own events only: only they, parked, keep it from the position
        positions.awaitPosition(PROCESSOR, minPosition, List.of(taskId));
        OptionalLong asOfPosition = positions.asOfPosition(asOf);
        if (asOfPosition.isPresent()) {
            positions.awaitAsOf(PROCESSOR, asOfPosition);
            LedgerTaskView then = views.taskAsOf(taskId, asOfPosition.getAsLong()).orElseThrow(() -> new LedgerException(
                    ErrorCode.UNKNOWN_TASK, "No task " + taskId + " was recorded as of position "
                    + asOfPosition.getAsLong()));
            return withPosition(ResponseEntity.ok(), then);
        }
        positions.awaitCondition(() -> minVersion == null
                || views.task(taskId).map(view -> view.version() >= minVersion).orElse(false),
                () -> "The task view has not yet reached version " + minVersion + "; retry shortly");
        LedgerTaskView task = views.task(taskId)
                .orElseThrow(() -> new LedgerException(ErrorCode.UNKNOWN_TASK, "No task " + taskId + " is recorded"));
        return withPosition(ResponseEntity.ok().eTag("\"" + task.version() + "\""), task);
    }

    private <T> ResponseEntity<T> withPosition(ResponseEntity.BodyBuilder response, T body) {
        positions.position(PROCESSOR).ifPresent(p -> response.header(POSITION_HEADER, Long.toString(p)));
        return response.body(body);
    }
}
