package ledger.query.web.audit;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;

import ledger.query.audit.AuditSearch;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The audit index as the workbench shows it: the search API's own search ({@link AuditSearch}), each
 * entry as a line of the result list, and the pickers' type and bulletin choices.
 */
@Component
class AuditEventSearch {

    static final String INDEX = AuditSearch.INDEX;
    /** The processor that fills the index (the search API's). */
    static final String PROCESSOR = AuditSearch.PROCESSOR;

    private final MongoTemplate mongo;
    private final AuditSearch search;

    AuditEventSearch(MongoTemplate mongo, AuditSearch search) {
        this.mongo = mongo;
        this.search = search;
    }

    record Hit(long position, Instant at, String type, String aggregateType, String aggregateId, String actorId,
               String actorRole) {
    }

    record Page(List<Hit> hits, boolean more, long next) {
    }

    /** The one search ({@link AuditSearch}), its entries as the workbench lists them. */
    Page search(AuditSearch.Filter filter, int limit) {
        AuditSearch.Page found = search.search(filter, limit);
        return new Page(found.entries().stream().map(AuditEventSearch::hit).toList(), found.more(), found.next());
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
