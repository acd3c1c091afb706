package ledger.query.bulletin;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.PositiveOrZero;
import ledger.kernel.security.Role;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import ledger.query.infrastructure.ViewPositions;
import ledger.security.CurrentActor;
import ledger.web.RequestFields;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Published bulletins are read by the bureau's staff; drafts only by the supervision group. */
@RestController
@Tag(name = "Monthly bulletins 督查通报")
class BulletinController {

    static final String PROCESSOR = "bulletins";

    record BulletinSummary(String month, String status, int entries, Instant publishedAt) {
    }

    private final MongoTemplate mongo;
    private final ViewPositions positions;

    BulletinController(MongoTemplate mongo, ViewPositions positions) {
        this.mongo = mongo;
        this.positions = positions;
    }

    @GetMapping("/api/bulletins")
    @Operation(summary = "The bulletins, newest first (drafts only for the supervision group)")
    List<BulletinSummary> list() {
        boolean drafts = seesDrafts();
        // a few per year: a scan of this small collection is fine
        return mongo.findAll(BulletinView.class).stream()
                .filter(view -> drafts || BulletinView.PUBLISHED.equals(view.status()))
                .sorted(Comparator.comparing(BulletinView::month).reversed())
                .map(view -> new BulletinSummary(view.month(), view.status(), view.entries().size(), view.publishedAt()))
                .toList();
    }

    @GetMapping("/api/bulletins/{month}")
    @Operation(summary = "A month's bulletin with its entries, the errata beside them, and the sign-offs")
    BulletinView bulletin(@PathVariable String month,
                          @RequestParam(required = false) @PositiveOrZero Long minPosition) {
        YearMonth of = RequestFields.month(month);
        positions.awaitPosition(PROCESSOR, minPosition);
        BulletinView view = mongo.findOne(query(where("_id").is(of.toString())), BulletinView.class);
        if (view == null || (!BulletinView.PUBLISHED.equals(view.status()) && !seesDrafts())) {
            throw new LedgerException(ErrorCode.UNKNOWN_RESOURCE, "No bulletin of " + of + " is published");
        }
        return view;
    }

    private static boolean seesDrafts() {
        return Role.SUPERVISION_GROUP.contains(CurrentActor.get().role());
    }
}
