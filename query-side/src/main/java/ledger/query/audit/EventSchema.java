package ledger.query.audit;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ledger.kernel.shared.Identifier;
import org.axonframework.serialization.Revision;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * The public schema of the stored events: for every event type its revision and the JSON Schema
 * (draft 2020-12) of its payload as the feed, the timelines and the store show it. Generated from
 * the kernel's records, so it cannot drift from the code; the copy in docs/ is checked against it
 * by a test, so a change to an event's shape is always a visible, reviewed change.
 */
final class EventSchema {

    private static final String KERNEL = "ledger.kernel";

    private final ObjectMapper json;
    private final Map<String, ObjectNode> definitions = new TreeMap<>();

    private EventSchema(ObjectMapper json) {
        this.json = json;
    }

    static ObjectNode generate(ObjectMapper json) {
        return new EventSchema(json).document();
    }

    /** Every event type of the kernel: the records named ...Event that carry a revision. */
    static List<Class<?>> eventTypes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent();
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(Revision.class));
        return scanner.findCandidateComponents(KERNEL).stream().map(BeanDefinition::getBeanClassName)
                .filter(name -> name.endsWith("Event")).sorted().map(EventSchema::load).toList();
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode document() {
        ObjectNode events = json.createObjectNode();
        for (Class<?> type : eventTypes().stream().sorted(Comparator.comparing(Class::getSimpleName)).toList()) {
            ObjectNode event = events.putObject(type.getSimpleName());
            event.put("payloadType", type.getName());
            event.put("revision", type.getAnnotation(Revision.class).value());
            event.set("schema", objectSchema(type));
        }
        ObjectNode root = json.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("title", "督查台账 Supervision Ledger: stored events");
        root.put("description", "The payload of each event type at its current revision. Typed ids are plain "
                + "strings; instants are ISO-8601 UTC, days ISO dates, months yyyy-MM. A change to a shape comes with "
                + "a new revision and an upcaster for the stored older ones.");
        root.set("events", events);
        ObjectNode defs = root.putObject("$defs");
        definitions.forEach(defs::set);
        return root;
    }

    private ObjectNode objectSchema(Class<?> record) {
        ObjectNode schema = json.createObjectNode();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = json.createArrayNode();
        for (RecordComponent component : record.getRecordComponents()) {
            properties.set(component.getName(), schemaOf(component.getGenericType()));
            if (component.getType().isPrimitive()) {
                required.add(component.getName());
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    private ObjectNode schemaOf(Type type) {
        ObjectNode schema = json.createObjectNode();
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                schema.put("type", "array");
                schema.set("items", schemaOf(arguments[0]));
                return schema;
            }
            if (Map.class.isAssignableFrom(raw)) {
                schema.put("type", "object");
                schema.set("additionalProperties", schemaOf(arguments[1]));
                return schema;
            }
            return schemaOf(raw);
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class || Identifier.class.isAssignableFrom(raw)) {
            schema.put("type", "string");
        } else if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            schema.put("type", "integer");
        } else if (raw == double.class || raw == Double.class || raw == BigDecimal.class) {
            schema.put("type", "number");
        } else if (raw == boolean.class || raw == Boolean.class) {
            schema.put("type", "boolean");
        } else if (raw == Instant.class) {
            schema.put("type", "string").put("format", "date-time");
        } else if (raw == LocalDate.class) {
            schema.put("type", "string").put("format", "date");
        } else if (raw == YearMonth.class) {
            schema.put("type", "string").put("pattern", "^[0-9]{4}-[0-9]{2}$");
        } else if (raw.isEnum()) {
            schema.put("type", "string");
            ArrayNode values = schema.putArray("enum");
            for (Object constant : raw.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
        } else if (raw.isRecord()) {
            if (!definitions.containsKey(raw.getSimpleName())) {
                definitions.put(raw.getSimpleName(), json.createObjectNode()); // guards against recursion
                definitions.put(raw.getSimpleName(), objectSchema(raw));
            }
            schema.put("$ref", "#/$defs/" + raw.getSimpleName());
        } else {
            throw new IllegalStateException("No schema for " + raw.getName() + ": describe it in EventSchema");
        }
        return schema;
    }
}
