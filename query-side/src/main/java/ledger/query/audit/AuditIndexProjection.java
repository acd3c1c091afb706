package ledger.query.audit;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ledger.kernel.shared.MetadataKeys;
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
 * The auditors' index over every event: who did it, whom it concerns (every cadre, unit, task
 * or other id the event names), its type and time, so a search is an index lookup rather than a
 * walk of the whole log. Keyed by global position: a redelivered event writes the same document.
 */
@Component
@ProcessingGroup("audit-index")
class AuditIndexProjection {

    private final MongoTemplate mongo;
    private final ObjectMapper json;

    AuditIndexProjection(MongoTemplate mongo, ObjectMapper json) {
        this.mongo = mongo;
        this.json = json;
        for (String field : List.of("actorId", "concerning", "type", "timestamp", "aggregateId")) {
            mongo.indexOps(AuditEntry.class).ensureIndex(new Index().on(field, Sort.Direction.ASC).named(field));
        }
    }

    /** One event as the auditors search it, with the event itself. */
    @Document("audit_index")
    record AuditEntry(@Id long position, String eventId, String type, String aggregateType, String aggregateId,
                      Long sequence, Instant timestamp, String actorId, String actorRole, List<String> concerning,
                      Map<String, Object> payload, Map<String, Object> metaData) {
    }

    /** The ids of the events of an aggregate this index has seen, in log order. */
    List<String> eventIdsOf(String aggregateId) {
        return mongo.find(Query.query(Criteria.where("aggregateId").is(aggregateId)).with(Sort.by("position")),
                AuditEntry.class).stream().map(AuditEntry::eventId).toList();
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), AuditEntry.class);
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
        mongo.save(new AuditEntry(position, event.getIdentifier(), event.getPayloadType().getSimpleName(),
                domain == null ? null : domain.getType(), domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(), event.getTimestamp(),
                (String) event.getMetaData().get(MetadataKeys.ACTOR_ID),
                (String) event.getMetaData().get(MetadataKeys.ACTOR_ROLE), List.copyOf(concerning),
                json.convertValue(tree, Map.class), json.convertValue(event.getMetaData(), Map.class)));
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
