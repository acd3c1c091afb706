package ledger.query.audit;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ledger.kernel.bulletin.BulletinEntryAddedEvent;
import ledger.kernel.evaluation.ScoreRecordedEvent;
import ledger.kernel.organisation.AssessmentRecordedEvent;
import ledger.kernel.organisation.MistakeRecordedEvent;
import ledger.kernel.shared.Identifier;
import ledger.kernel.shared.MetadataKeys;
import ledger.kernel.taskforce.TaskForceFormedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The auditors' index over every event: who did it (person and account), whom it concerns, its type and time, so a
 * search is an index lookup rather than a walk of the whole log. Keyed by global position: a
 * redelivered event writes the same document.
 *
 * <p>An event concerns every cadre, unit, task or other id it names, and, through its aggregate,
 * whom that aggregate is about: a score's subject, a bulletin entry's units, cadres and tasks, an
 * assessment's or a mistake's cadre, a task force's tasks. The event that says so (see
 * {@link #subjectsDefinedBy}) is remembered in {@code audit_subjects}, one document per
 * aggregate (or part of one: {@code bulletin-2026-10/entry-…}, {@code cadre-…/assessment-…}), and
 * every later event of that aggregate or part (a score's correction, an entry's erratum) is
 * indexed under those subjects too, by key lookups. A task is its own subject: its progress is
 * found under the task, its assignment under the leader and units it names.
 */
@Component
@ProcessingGroup("audit-index")
class AuditIndexProjection {

    /** Fields that name a part of their aggregate whose subjects are kept on their own. */
    private static final List<String> PARTS = List.of("entryId", "assessmentId", "mistakeId");

    private final MongoTemplate mongo;
    private final ObjectMapper json;
    private final AuditPostings postings;

    AuditIndexProjection(MongoTemplate mongo, ObjectMapper json, AuditPostings postings) {
        this.mongo = mongo;
        this.json = json;
        this.postings = postings;
        for (String field : List.of("actorId", "actorAccount", "concerning", "type", "timestamp", "aggregateId")) {
            mongo.indexOps(AuditEntry.class).ensureIndex(new Index().on(field, Sort.Direction.ASC).named(field));
        }
    }

    /** One event as the auditors search it, with the event itself. */
    @Document("audit_index")
    record AuditEntry(@Id long position, String eventId, String type, String aggregateType, String aggregateId,
                      Long sequence, Instant timestamp, String actorId, String actorRole, String actorAccount,
                      List<String> concerning,
                      Map<String, Object> payload, Map<String, Object> metaData) {
    }

    /**
     * The ids of the events of an aggregate this index has seen, in log order: its own events are
     * among those that concern it, so a key lookup in the postings, whatever the log's size.
     */
    List<String> eventIdsOf(String aggregateId) {
        if (!postings.completeFrom(0)) {
            return mongo.find(Query.query(Criteria.where("aggregateId").is(aggregateId)).with(Sort.by("position")),
                    AuditEntry.class).stream().map(AuditEntry::eventId).toList();
        }
        List<String> ids = new ArrayList<>();
        com.mongodb.client.MongoCollection<org.bson.Document> index = mongo.getDb().getCollection(AuditSearch.INDEX);
        postings.positions(AuditPostings.concerning(aggregateId), 0, bucket -> {
            AuditPostings.entries(index, bucket).stream().filter(e -> aggregateId.equals(e.getString("aggregateId")))
                    .forEach(e -> ids.add(e.getString("eventId")));
            return true;
        });
        return ids;
    }

    /** Whom an aggregate (or part of one), by its key, is about; events of one aggregate share a segment. */
    @Document("audit_subjects")
    record Subjects(@Id String key, List<String> concerning) {
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), AuditEntry.class);
        mongo.remove(new Query(), Subjects.class);
        postings.clear();
        postings.markComplete(); // the replay files every event from the first on
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event, TrackingToken token) {
        long position = token.position().orElseThrow();
        DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> d ? d : null;
        JsonNode tree = json.valueToTree(payload);
        Set<String> concerning = new LinkedHashSet<>();
        if (domain != null) {
            concerning.add(domain.getAggregateIdentifier());
        }
        collectIds(tree, concerning);
        if (domain != null) {
            concerning.addAll(followSubjects(payload, domain.getAggregateIdentifier(), tree));
        }
        AuditEntry entry = new AuditEntry(position, event.getIdentifier(), event.getPayloadType().getSimpleName(),
                domain == null ? null : domain.getType(), domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(), event.getTimestamp(),
                (String) event.getMetaData().get(MetadataKeys.ACTOR_ID),
                (String) event.getMetaData().get(MetadataKeys.ACTOR_ROLE),
                (String) event.getMetaData().get(MetadataKeys.ACTOR_ACCOUNT), List.copyOf(concerning),
                json.convertValue(tree, Map.class), json.convertValue(event.getMetaData(), Map.class));
        mongo.save(entry);
        postings.add(position, AuditPostings.keysOf(entry.actorId(), entry.actorAccount(), entry.concerning()));
    }

    /**
     * Remembers whom the event says its aggregate (or part) is about, and answers whom the
     * aggregate and the parts the event names are about, as remembered so far.
     */
    private Set<String> followSubjects(Object payload, String aggregate, JsonNode tree) {
        subjectsDefinedBy(payload, aggregate).forEach((key, ids) -> {
            Subjects known = mongo.findById(key, Subjects.class);
            Set<String> all = new LinkedHashSet<>(known == null ? List.of() : known.concerning());
            if (all.addAll(ids)) {
                mongo.save(new Subjects(key, List.copyOf(all)));
            }
        });
        List<String> keys = new ArrayList<>();
        keys.add(aggregate);
        for (String part : PARTS) {
            tree.findValues(part).stream().filter(JsonNode::isTextual).forEach(id -> keys.add(partKey(aggregate,
                    id.asText())));
        }
        Set<String> subjects = new LinkedHashSet<>();
        mongo.find(query(where("_id").in(keys)), Subjects.class).stream()
             .sorted(java.util.Comparator.comparing(s -> keys.indexOf(s.key())))
             .forEach(s -> subjects.addAll(s.concerning()));
        return subjects;
    }

    /**
     * The events that say whom their aggregate, or a part of it, is about (by key): a score's
     * subject, a bulletin entry's units, cadres and tasks, an assessment's or a mistake's cadre,
     * a task force's tasks.
     */
    static Map<String, List<String>> subjectsDefinedBy(Object payload, String aggregate) {
        Map<String, List<String>> defined = new LinkedHashMap<>();
        if (payload instanceof ScoreRecordedEvent e) {
            defined.put(aggregate, List.of(e.subject().id()));
        } else if (payload instanceof BulletinEntryAddedEvent e) {
            List<String> named = new ArrayList<>(e.entry().unitIds());
            named.addAll(e.entry().cadreIds());
            named.addAll(e.entry().taskIds());
            defined.put(partKey(aggregate, e.entry().entryId()), List.copyOf(named));
        } else if (payload instanceof AssessmentRecordedEvent e) {
            defined.put(partKey(aggregate, e.assessmentId()), List.of(e.cadreId().value()));
        } else if (payload instanceof MistakeRecordedEvent e) {
            defined.put(partKey(aggregate, e.mistakeId()), List.of(e.cadreId().value()));
        } else if (payload instanceof TaskForceFormedEvent e) {
            defined.put(aggregate, e.taskIds().stream().map(Identifier::value).toList());
        }
        return defined;
    }

    private static String partKey(String aggregate, String part) {
        return aggregate + "/" + part;
    }

    /**
     * The ids an event names: values of fields called {@code id} or ending in {@code Id}/{@code Ids}
     * (e.g. leadLeaderId, coUnitIds, cadreIds, a score's subject id), at any depth. Ids of other
     * events (evidence references) are not whom the event concerns.
     */
    static void collectIds(JsonNode node, Set<String> ids) {
        if (node.isArray()) {
            node.forEach(item -> collectIds(item, ids));
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            boolean idField = (name.equals("id") || name.endsWith("Id") || name.endsWith("Ids"))
                    && !name.toLowerCase().contains("event");
            if (idField && value.isTextual()) {
                ids.add(value.asText());
            } else if (idField && value.isArray()) {
                value.forEach(item -> {
                    if (item.isTextual()) {
                        ids.add(item.asText());
                    }
                });
            } else if (value.isContainerNode()) {
                collectIds(value, ids);
            }
        }
    }
}
