package ledger.query.bulletin;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import ledger.kernel.security.Role;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import ledger.query.infrastructure.ViewPositions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The bulletin views as the API and the pages read them: published bulletins for the bureau's staff,
 * drafts only for the supervision group (who draft, fill and sign them).
 */
@Component
public class BulletinReader {

    public static final String PROCESSOR = "bulletins";

    private final MongoTemplate mongo;
    private final ViewPositions positions;

    BulletinReader(MongoTemplate mongo, ViewPositions positions) {
        this.mongo = mongo;
        this.positions = positions;
    }

    public static boolean seesDrafts(Role role) {
        return Role.SUPERVISION_GROUP.contains(role);
    }

    /** The bulletins the reader may see, newest month first. */
    public List<BulletinView> list(Role reader, Long minPosition) {
        positions.awaitPosition(PROCESSOR, minPosition);
        boolean drafts = seesDrafts(reader);
        // a few per year: a scan of this small collection is fine
        return mongo.findAll(BulletinView.class).stream()
                .filter(view -> drafts || BulletinView.PUBLISHED.equals(view.status()))
                .sorted(Comparator.comparing(BulletinView::month).reversed())
                .toList();
    }

    /** A month's bulletin; a draft is unknown to a reader outside the supervision group. */
    public BulletinView month(YearMonth month, Role reader, Long minPosition) {
        positions.awaitPosition(PROCESSOR, minPosition);
        BulletinView view = mongo.findOne(query(where("_id").is(month.toString())), BulletinView.class);
        if (view == null || (!BulletinView.PUBLISHED.equals(view.status()) && !seesDrafts(reader))) {
            throw new LedgerException(ErrorCode.UNKNOWN_RESOURCE, "No bulletin of " + month + " is published");
        }
        return view;
    }

    /** Whether the month has a bulletin at all (drafted or published). */
    public boolean exists(YearMonth month) {
        return mongo.exists(query(where("_id").is(month.toString())), BulletinView.class);
    }

    /** The ids of the events an entry attached as evidence, across the bulletin, in entry order. */
    public static Set<String> evidenceOf(BulletinView view) {
        Set<String> ids = new java.util.LinkedHashSet<>();
        view.entries().forEach(entry -> ids.addAll(entry.evidenceEventIds()));
        return ids;
    }
}
