package ledger.query.web.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import ledger.kernel.shared.BureauTime;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import ledger.kernel.shared.MetadataKeys;
import ledger.query.infrastructure.ViewPositions;
import ledger.query.ledger.LedgerHistory;
import ledger.query.ledger.LedgerTaskView;
import ledger.query.web.Directory;
import ledger.store.MongoEventStorageEngine;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The history of anything the log holds (a task, cadre, unit, bulletin, task force, meeting, score, account),
 * read from the event store itself, as it stood at a moment: the events stored by then, and for a task the
 * ledger row as it was.
 */
@Component
class SubjectTimeline {

    private final MongoEventStorageEngine engine;
    private final ViewPositions positions;
    private final LedgerHistory ledger;
    private final MongoTemplate mongo;
    private final ObjectMapper json;
    private final MessageSource messages;

    SubjectTimeline(MongoEventStorageEngine engine, ViewPositions positions, LedgerHistory ledger, MongoTemplate mongo,
                    ObjectMapper json, MessageSource messages) {
        this.messages = messages;
        this.engine = engine;
        this.positions = positions;
        this.ledger = ledger;
        this.mongo = mongo;
        this.json = json;
    }

    /**
     * One field of an event as shown: its label, and its value with recorded people and units by name, closed
     * sets (roles, sources, statuses) in words and moments in the bureau's time.
     */
    record Field(String name, String value) {
    }

    /** Where the words for a closed set's values are (the first bundle that has the value wins). */
    private static final List<String> VALUE_WORDS = List.of("role.", "source.", "status.", "taskforce.body.",
            "bulletin.kind.", "scores.dimension.");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(BureauTime.ZONE);

    record Row(long position, Instant at, String type, String actorId, String role, String reason, List<Field> fields) {
    }

    /**
     * {@code asOfPosition}: the last position included (null: now); {@code later}: events stored after it,
     * not shown; {@code task}: the ledger row as it stood, for a task.
     */
    record Read(String id, String aggregateType, String title, Long asOfPosition, List<Row> rows, int later,
                LedgerTaskView task) {
    }

    /** Something a timeline can be opened for, by name. */
    record Subject(String id, String label) {
    }

    /** The moment a date names for "as it stood": the end of that day in the bureau's time zone. */
    static String endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(BureauTime.ZONE).minusNanos(1).toOffsetDateTime().toString();
    }

    Read of(String id, String asOf, Directory.Names names) {
        OptionalLong until = positions.asOfPosition(asOf);
        // from sequence 0, not through a snapshot
        Map<Long, Long> positionOf = engine.positionsOf(id);
        // what the command side did not seal is no part of the history (the views skip it too; tamper alarm)
        Set<Long> notGenuine = engine.notGenuine(id);
        List<? extends DomainEventMessage<?>> all = engine.readEvents(id, 0).asStream()
                .filter(event -> !notGenuine.contains(event.getSequenceNumber())).toList();
        if (all.isEmpty()) {
            throw new LedgerException(ErrorCode.UNKNOWN_RESOURCE, "Nothing with the id " + id + " is recorded");
        }
        List<Row> rows = new ArrayList<>();
        int later = 0;
        for (DomainEventMessage<?> event : all) {
            long position = positionOf.get(event.getSequenceNumber());
            if (until.isPresent() && position > until.getAsLong()) {
                later++;
                continue;
            }
            Map<String, ?> meta = event.getMetaData();
            rows.add(new Row(position, event.getTimestamp(), event.getPayloadType().getSimpleName(),
                    meta.get(MetadataKeys.ACTOR_ID) instanceof String a ? a : null,
                    meta.get(MetadataKeys.ACTOR_ROLE) instanceof String r ? r : null,
                    meta.get(MetadataKeys.REASON) instanceof String r ? r : null, fields(id, event.getPayload(), names)));
        }
        String type = all.get(0).getType();
        LedgerTaskView task = "Task".equals(type) ? ledger.taskAsOf(id, until).orElse(null) : null;
        return new Read(id, type, title(id, type, names), until.isPresent() ? until.getAsLong() : null,
                List.copyOf(rows), later, task);
    }

    private String title(String id, String type, Directory.Names names) {
        return switch (type) {
            case "Task" -> taskTitle(id);
            case "Cadre" -> names.person(id);
            case "Unit" -> names.unit(id);
            default -> id;
        };
    }

    private String taskTitle(String id) {
        Document task = mongo.findById(id, Document.class, "ledger_tasks");
        return task == null || task.getString("title") == null ? id : task.getString("title");
    }

    /** Every task by title, for the workbench's picker. */
    Map<String, String> taskTitles() {
        Query query = new Query();
        query.fields().include("title");
        Map<String, String> titles = new LinkedHashMap<>();
        for (Document doc : mongo.find(query, Document.class, "ledger_tasks")) {
            titles.put(doc.getString("_id"), doc.getString("title"));
        }
        return titles;
    }

    @SuppressWarnings("unchecked")
    private List<Field> fields(String subjectId, Object payload, Directory.Names names) {
        Map<String, Object> values = json.convertValue(payload, Map.class);
        Locale locale = LocaleContextHolder.getLocale();
        List<Field> fields = new ArrayList<>();
        values.forEach((name, value) -> {
            // the subject's own id says nothing its heading does not
            if (value != null && !subjectId.equals(value)) {
                fields.add(new Field(messages.getMessage("event.field." + name, null, name, locale),
                        shown(value, names, locale)));
            }
        });
        return fields;
    }

    private String shown(Object value, Directory.Names names, Locale locale) {
        if (value instanceof Boolean yes) {
            return messages.getMessage(yes ? "audit.value.yes" : "audit.value.no", null, locale);
        }
        if (value instanceof String text) {
            if (names.people().containsKey(text)) {
                return names.person(text);
            }
            if (names.units().containsKey(text)) {
                return names.unit(text);
            }
            return worded(text, locale);
        }
        if (value instanceof List<?> list) {
            return String.join("、", list.stream().map(v -> shown(v, names, locale)).toList());
        }
        return String.valueOf(value);
    }

    private String worded(String text, Locale locale) {
        if (text.length() > 20 && text.endsWith("Z") && text.charAt(10) == 'T') {
            try {
                return MOMENT.format(Instant.parse(text));
            } catch (DateTimeParseException notAMoment) {
                return text;
            }
        }
        for (String words : VALUE_WORDS) {
            String word = messages.getMessage(words + text, null, null, locale);
            if (word != null) {
                return word;
            }
        }
        return text;
    }
}
