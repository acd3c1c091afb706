package ledger.query.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import ledger.kernel.shared.InvalidMessageException;
import ledger.query.infrastructure.ViewPositions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Search for the discipline inspection group: by actor, by whom an event concerns, by type, by time. */
@RestController
@Tag(name = "Audit 审计")
class AuditSearchController {

    static final String PROCESSOR = AuditSearch.PROCESSOR;

    private final MongoTemplate mongo;
    private final ViewPositions positions;
    private final AuditSearch search;

    AuditSearchController(MongoTemplate mongo, ViewPositions positions, AuditSearch search) {
        this.mongo = mongo;
        this.positions = positions;
        this.search = search;
    }

    /** A page of matches in position order; resume with {@code after=next} while {@code more}. */
    record SearchPage(long after, long next, boolean more, Long indexedUpTo,
                      List<AuditIndexProjection.AuditEntry> events) {
    }

    @GetMapping("/api/audit/search")
    @Operation(summary = "Events by actor, by the cadre, unit, task or other id they concern, by type and time range, "
            + "in position order")
    SearchPage search(@Parameter(description = "the person who did it (actor id)") @RequestParam(required = false)
                      String actor,
                      @Parameter(description = "the account they signed in with (user name)")
                      @RequestParam(required = false) String account,
                      @Parameter(description = "a cadre, unit, task or other id the event names")
                      @RequestParam(required = false) String concerning,
                      @Parameter(description = "event type names, e.g. ScoreCorrectedEvent")
                      @RequestParam(required = false) Set<EventType> types,
                      @Parameter(description = "stored at or after this instant") @RequestParam(required = false)
                      String from,
                      @Parameter(description = "stored before this instant") @RequestParam(required = false) String to,
                      @RequestParam(defaultValue = "0") @PositiveOrZero long after,
                      @RequestParam(defaultValue = "100") @Positive @Max(1000) int limit,
                      @RequestParam(required = false) @PositiveOrZero Long minPosition) {
        positions.awaitPosition(PROCESSOR, minPosition);
        AuditSearch.Page found = search.search(new AuditSearch.Filter(actor, account, concerning,
                EventType.names(types), instant("from", from), instant("to", to), after), limit);
        List<AuditIndexProjection.AuditEntry> page = found.entries().stream()
                .map(doc -> mongo.getConverter().read(AuditIndexProjection.AuditEntry.class, doc)).toList();
        var indexed = positions.position(PROCESSOR);
        return new SearchPage(after, found.next(), found.more(), indexed.isPresent() ? indexed.getAsLong() : null, page);
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidMessageException(field, "must be an instant like 2026-03-05T09:00:00+08:00");
        }
    }
}
