package ledger.query.audit;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The one search over the audit index, for the API and the auditors' workbench alike: by who did
 * it (person, account), whom it concerns, which types and when, in position order, a page at a
 * time. With an actor, an account or a subject it reads that key's postings ({@link AuditPostings})
 * and then only those entries, so its cost follows what the key names, not the log; by type or
 * time alone it asks the index as a query (a scan on the embedded server).
 */
@Component
public class AuditSearch {

    public static final String INDEX = "audit_index";
    /** The processor that fills the index. */
    public static final String PROCESSOR = "audit-index";

    private final MongoTemplate mongo;
    private final AuditPostings postings;

    AuditSearch(MongoTemplate mongo, AuditPostings postings) {
        this.mongo = mongo;
        this.postings = postings;
    }

    /** What to look for; null or empty parts ask nothing. Resumes after position {@code after}. */
    public record Filter(String actor, String account, String concerning, Set<String> types, Instant from,
                         Instant until, long after) {

        public Filter {
            types = types == null ? Set.of() : Set.copyOf(types);
        }

        public boolean any() {
            return actor != null || account != null || concerning != null || !types.isEmpty() || from != null
                    || until != null;
        }

        boolean matches(Document entry) {
            Object at = entry.get("timestamp");
            Instant time = at instanceof Date d ? d.toInstant() : at instanceof Instant i ? i : null;
            List<String> subjects = entry.getList("concerning", String.class);
            return (actor == null || actor.equals(entry.getString("actorId")))
                    && (account == null || account.equals(entry.getString("actorAccount")))
                    && (concerning == null || subjects != null && subjects.contains(concerning))
                    && (types.isEmpty() || types.contains(entry.getString("type")))
                    && (from == null || time != null && !time.isBefore(from))
                    && (until == null || time != null && time.isBefore(until));
        }
    }

    /** Matching index entries in position order; {@code more} when there are others after {@code next}. */
    public record Page(List<Document> entries, boolean more, long next) {
    }

    public Page search(Filter filter, int limit) {
        String key = filter.actor() != null ? AuditPostings.actor(filter.actor())
                : filter.concerning() != null ? AuditPostings.concerning(filter.concerning())
                : filter.account() != null ? AuditPostings.account(filter.account()) : null;
        List<Document> found = key != null && postings.completeFrom(0) ? byPostings(key, filter, limit + 1)
                : byQuery(filter, limit + 1);
        boolean more = found.size() > limit;
        List<Document> page = more ? found.subList(0, limit) : found;
        return new Page(page, more, page.isEmpty() ? filter.after()
                : ((Number) page.get(page.size() - 1).get("_id")).longValue());
    }

    private List<Document> byPostings(String key, Filter filter, int wanted) {
        MongoCollection<Document> index = mongo.getDb().getCollection(INDEX);
        List<Document> found = new ArrayList<>();
        postings.positions(key, filter.after(), bucket -> {
            for (Document entry : AuditPostings.entries(index, bucket)) {
                if (filter.matches(entry)) {
                    found.add(entry);
                    if (found.size() == wanted) {
                        return false;
                    }
                }
            }
            return true;
        });
        return found;
    }

    private List<Document> byQuery(Filter filter, int wanted) {
        Criteria criteria = where("_id").gt(filter.after());
        if (filter.actor() != null) {
            criteria = criteria.and("actorId").is(filter.actor());
        }
        if (filter.account() != null) {
            criteria = criteria.and("actorAccount").is(filter.account());
        }
        if (filter.concerning() != null) {
            criteria = criteria.and("concerning").is(filter.concerning());
        }
        if (!filter.types().isEmpty()) {
            criteria = criteria.and("type").in(filter.types());
        }
        if (filter.from() != null && filter.until() != null) {
            criteria = criteria.and("timestamp").gte(filter.from()).lt(filter.until());
        } else if (filter.from() != null) {
            criteria = criteria.and("timestamp").gte(filter.from());
        } else if (filter.until() != null) {
            criteria = criteria.and("timestamp").lt(filter.until());
        }
        return mongo.find(new Query(criteria).with(Sort.by("_id")).limit(wanted), Document.class, INDEX);
    }
}
