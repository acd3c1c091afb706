package ledger.query.web.audit;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The audit index (the one the search API reads) as the workbench asks it: by who did it, whom it concerns,
 * which types and when, in position order, a page at a time.
 */
@Component
class AuditEventSearch {

    static final String INDEX = "audit_index";
    /** The processor that fills the index (the search API's). */
    static final String PROCESSOR = "audit-index";

    private final MongoTemplate mongo;

    AuditEventSearch(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    record Filter(String actor, String concerning, Set<String> types, Instant from, Instant until, long after) {

        boolean any() {
            return actor != null || concerning != null || !types.isEmpty() || from != null || until != null;
        }
    }

    record Hit(long position, Instant at, String type, String aggregateType, String aggregateId, String actorId,
               String actorRole) {
    }

    record Page(List<Hit> hits, boolean more, long next) {
    }

    Page search(Filter filter, int limit) {
        Criteria criteria = where("_id").gt(filter.after());
        if (filter.actor() != null) {
            criteria = criteria.and("actorId").is(filter.actor());
        }
        if (filter.concerning() != null) {
            criteria = criteria.and("concerning").is(filter.concerning());
        }
        if (!filter.types().isEmpty()) {
            criteria = criteria.and("type").in(filter.types());
        }
        if (filter.from() != null || filter.until() != null) {
            Criteria time = criteria.and("timestamp");
            if (filter.from() != null) {
                time = time.gte(filter.from());
            }
            if (filter.until() != null) {
                time.lt(filter.until());
            }
        }
        Query query = new Query(criteria).with(Sort.by("_id")).limit(limit + 1);
        query.fields().include("type", "aggregateType", "aggregateId", "timestamp", "actorId", "actorRole");
        List<Hit> found = mongo.find(query, Document.class, INDEX).stream().map(AuditEventSearch::hit).toList();
        boolean more = found.size() > limit;
        List<Hit> page = more ? found.subList(0, limit) : found;
        return new Page(page, more, page.isEmpty() ? filter.after() : page.get(page.size() - 1).position());
    }

    /** The event types the log holds, for the type picker. */
    List<String> types() {
        return mongo.findDistinct(new Query(), "type", INDEX, String.class).stream().sorted().toList();
    }

    /** The months whose bulletin has events: their evidence packages can be downloaded. */
    List<String> bulletins() {
        return mongo.findDistinct(new Query(where("aggregateType").is("Bulletin")), "aggregateId", INDEX, String.class)
                .stream().sorted().toList();
    }

    private static Hit hit(Document doc) {
        Object at = doc.get("timestamp");
        return new Hit(((Number) doc.get("_id")).longValue(), at instanceof java.util.Date d ? d.toInstant()
                : at instanceof Instant i ? i : null, doc.getString("type"), doc.getString("aggregateType"),
                doc.getString("aggregateId"), doc.getString("actorId"), doc.getString("actorRole"));
    }
}
