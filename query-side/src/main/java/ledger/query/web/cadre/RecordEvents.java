package ledger.query.web.cadre;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ledger.kernel.security.Role;
import ledger.store.MongoEventStorageEngine;
import org.bson.Document;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where the events behind a record's lines sit in the log (position, what kind, of which task, cadre,
 * bulletin...), read from the event store for a whole page at once, so every line can open the timeline
 * at its events.
 */
@Component
class RecordEvents {

    private final MongoEventStorageEngine engine;

    RecordEvents(MongoEventStorageEngine engine) {
        this.engine = engine;
    }

    /** One event as a line links to it: {@code type} is the event's simple class name (its message key). */
    record Ref(String eventId, long position, String type, String aggregateType, String aggregateId) {

        /**
         * The timeline that shows this event: the discipline inspection group's workbench opens the timeline
         * of whatever it belongs to as it stood at the event; everyone else opens a task's own timeline at it,
         * and for anything else the record as it stood once the event was applied.
         */
        public String href(Role reader, String recordPage) {
            String anchor = "#event-" + position;
            if (reader == Role.DISCIPLINE_INSPECTION && aggregateId != null) {
                return UriComponentsBuilder.fromPath("/audit/timeline").queryParam("subject", aggregateId)
                        .queryParam("asOfPosition", position).encode().build().toUriString() + anchor;
            }
            if ("Task".equals(aggregateType)) {
                return UriComponentsBuilder.fromPath("/tasks/{id}").buildAndExpand(aggregateId).encode().toUriString()
                        + anchor;
            }
            return recordPage == null ? null : UriComponentsBuilder.fromPath(recordPage)
                    .queryParam("asOfPosition", position).encode().build().toUriString();
        }
    }

    /** The events of these ids that the store holds, by id (two index lookups, whatever the count). */
    Map<String, Ref> of(Collection<String> eventIds) {
        Set<String> ids = new LinkedHashSet<>(eventIds);
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> positions = engine.positionsOf(ids);
        Map<Long, Document> owners = engine.owners(List.copyOf(positions.values()));
        Map<String, Ref> refs = new HashMap<>();
        positions.forEach((id, position) -> {
            Document owner = owners.get(position);
            Document event = owner == null ? null : MongoEventStorageEngine.eventAt(owner, position);
            if (event != null) {
                String payloadType = event.getString("payloadType");
                refs.put(id, new Ref(id, position, payloadType == null ? "" : payloadType
                        .substring(payloadType.lastIndexOf('.') + 1), event.getString("aggregateType"),
                        event.getString("aggregateId")));
            }
        });
        return refs;
    }
}
