package ledger.query.ledger;

import java.time.YearMonth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import ledger.kernel.shared.InvalidMessageException;
import ledger.kernel.task.TaskSource;
import ledger.web.RequestFields;
import org.springframework.http.MediaType;
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

    static final String PROCESSOR = LedgerReader.PROCESSOR;
    private static final String POSITION_HEADER = "X-Ledger-Position";

    static final String AS_OF = "read the view as it stood then: an instant (2026-03-05T09:00:00+08:00: every event "
            + "stored by then) or a global event position";

    private final LedgerReader reader;
    private final LedgerStream stream;

    LedgerController(LedgerReader reader, LedgerStream stream) {
        this.reader = reader;
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
            @Parameter(description = "only tasks in this state") @RequestParam(required = false) TaskStatus status,
            @Parameter(description = "only tasks from this source") @RequestParam(required = false) TaskSource source,
            @RequestParam(defaultValue = "0") @PositiveOrZero int page,
            @RequestParam(defaultValue = "50") @Positive @Max(200) int size,
            @Parameter(description = "wait (bounded) until the views include this global position, e.g. the "
                    + "position a command answered with")
            @RequestParam(required = false) @PositiveOrZero Long minPosition,
            @Parameter(description = AS_OF) @RequestParam(required = false) String asOf) {
        return withPosition(ResponseEntity.ok(), reader.month(RequestFields.month(month),
                new LedgerReader.Filter(unit, leader, status == null ? null : status.name(),
                        source == null ? null : source.name()), page, size, minPosition, asOf));
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
        LedgerTaskView task = reader.task(taskId, minPosition, minVersion, asOf);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        // an ETag only for the current state: an earlier one cannot be changed, so it has no version to match
        return withPosition(asOf == null || asOf.isBlank() ? response.eTag("\"" + task.version() + "\"") : response,
                task);
    }

    private <T> ResponseEntity<T> withPosition(ResponseEntity.BodyBuilder response, T body) {
        reader.position().ifPresent(p -> response.header(POSITION_HEADER, Long.toString(p)));
        return response.body(body);
    }
}
