package ledger.store.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ledger.store.MongoEventStorageEngine.LogEntry;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Revision;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Item 10 of issue 13: for one real instance of every event type (and one with its optional fields
 * null), stored as the system stores it, the leaf's canonical text equals what an independent
 * RFC 8785 implementation (erdtman's java-json-canonicalization) makes of the stored document,
 * byte for byte. The instances are built from each record's components with realistic values:
 * Chinese text with quotes, back-slashes, tabs and line breaks, emoji, whole
 * numbers, days, months and instants, nested records and lists. Every type the published schema
 * lists and every {@code @Revision} record is covered, or the test fails.
 */
class EveryEventTypeJcsTest {

    private static final Path SCHEMA = Path.of("../../docs/events.schema.json");
    /** The stored document as the BSON library writes it: plain JSON numbers and strings. */
    private static final JsonWriterSettings PLAIN = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED)
            .dateTimeConverter((millis, writer) -> {
                writer.writeStartObject();
                writer.writeString("$date", Instant.ofEpochMilli(millis).toString());
                writer.writeEndObject();
            }).build();

    private final AuditedLog log = new AuditedLog();
    private int counter;

    @AfterEach
    void close() {
        log.close();
    }

    @Test
    void the_leaf_of_every_event_type_is_its_rfc_8785_form_by_an_independent_implementation() throws Exception {
        Set<String> types = eventTypes();
        assertThat(types).as("event types found").hasSizeGreaterThan(40);

        Map<Long, String> storedAs = new LinkedHashMap<>();
        Set<String> withNulls = new TreeSet<>();
        long sequence = 0;
        for (String type : types) {
            Class<?> eventClass = Class.forName(type);
            List<Object> instances = new ArrayList<>();
            instances.add(instance(eventClass, false));
            Object sparse = instance(eventClass, true);
            if (sparse != null && !sparse.equals(instances.get(0))) {
                instances.add(sparse);
                withNulls.add(eventClass.getSimpleName());
            }
            for (int i = 0; i < instances.size(); i++) {
                DomainEventMessage<?> event = new GenericDomainEventMessage<>(eventClass.getSimpleName(),
                        "agg-" + eventClass.getSimpleName(), i, instances.get(i),
                        MetaData.from(Map.of("actorId", "cadre-zhang-01", "reason", "会议决定“按期办结”\\附件")));
                log.engine.appendEvents(List.of(event));
                storedAs.put(++sequence, type);
            }
        }

        List<LogEntry> entries = log.engine.readSettled(1, storedAs.size() + 10);
        assertThat(entries).hasSize(storedAs.size());
        Set<String> covered = new TreeSet<>();
        int leavesWithNull = 0;
        for (LogEntry entry : entries) {
            String ours = CanonicalEntries.of(entry);
            String independent = new JsonCanonicalizer(entry.event().toJson(PLAIN)).getEncodedString();
            String type = storedAs.get(entry.position());
            assertThat(ours).as("the leaf of %s", type).isEqualTo(independent);
            assertThat(entry.event().getString("payloadType")).isEqualTo(type);
            covered.add(type);
            leavesWithNull += ours.contains(":null") ? 1 : 0;
        }
        assertThat(covered).as("every event type has a leaf compared").isEqualTo(types);
        assertThat(leavesWithNull).as("leaves with nulls, one per type stored sparse").isEqualTo(withNulls.size());
    }

    /** The published schema's types, which must be exactly the {@code @Revision} records of ledger.kernel. */
    private static Set<String> eventTypes() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(SCHEMA.toFile());
        Set<String> published = new TreeSet<>();
        schema.get("events").forEach(event -> published.add(event.get("payloadType").asText()));

        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Revision.class));
        Set<String> revised = new TreeSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("ledger.kernel")) {
            revised.add(candidate.getBeanClassName());
        }
        assertThat(revised).as("@Revision records in ledger.kernel = the published schema's types")
                .isEqualTo(published);
        return published;
    }

    /**
     * An instance of a record built from its components; {@code sparse}: every component that may
     * be null is null (null when the record has none that may).
     */
    private Object instance(Class<?> type, boolean sparse) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] shapes = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            shapes[i] = components[i].getType();
            values[i] = value(components[i].getName(), components[i].getGenericType());
        }
        Constructor<?> constructor = type.getDeclaredConstructor(shapes);
        constructor.setAccessible(true);
        if (!sparse) {
            return constructor.newInstance(values);
        }
        boolean nulled = false;
        for (int i = 0; i < components.length; i++) {
            if (shapes[i].isPrimitive()) {
                continue;
            }
            Object kept = values[i];
            values[i] = null;
            try {
                constructor.newInstance(values);
                nulled = true;
            } catch (InvocationTargetException required) {
                values[i] = kept;
            }
        }
        return nulled ? constructor.newInstance(values) : null;
    }

    private Object value(String name, Type type) throws Exception {
        int n = ++counter;
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        String lower = name.toLowerCase();
        if (raw == String.class) {
            if (lower.equals("accountid")) {
                return "account:li-ming-" + n;
            }
            if (lower.endsWith("id") || lower.endsWith("ids") || lower.equals("username") || lower.endsWith("ref")) {
                String kind = lower.replaceAll("ids?$", "");
                return (kind.isEmpty() ? "subject" : kind) + "-2026." + n;
            }
            if (lower.contains("month") || lower.equals("period")) {
                return "2026-12";
            }
            if (lower.contains("email")) {
                return "li.ming" + n + "@zjj.example.gov.cn";
            }
            if (lower.contains("password") || lower.contains("hash")) {
                return "$2a$10$abcdefghijklmnopqrstuv" + n;
            }
            return "推进城镇老旧小区改造（第" + n + "批）：“居民意见”\\已汇总\t完成率过半\n下一步 😀 é";
        }
        if (raw == int.class || raw == Integer.class) {
            return lower.contains("year") ? 2026 : 60 + n % 30;
        }
        if (raw == long.class || raw == Long.class) {
            return 20_261_202L + n;
        }
        if (raw == double.class || raw == Double.class) {
            return 87.5 + n / 1000.0;
        }
        if (raw == BigDecimal.class) {
            return new BigDecimal("92.50");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return n % 2 == 0;
        }
        if (raw == LocalDate.class) {
            return LocalDate.of(2026, 12, 1 + n % 28);
        }
        if (raw == YearMonth.class) {
            return YearMonth.of(2026, 1 + n % 12);
        }
        if (raw == Year.class) {
            return Year.of(2026);
        }
        if (raw == Instant.class) {
            return Instant.parse("2026-12-02T01:30:00.123Z").plusSeconds(n);
        }
        if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            return constants[n % constants.length];
        }
        if (raw == List.class || raw == Set.class) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            String single = name.replaceAll("s$", "");
            List<Object> list = new ArrayList<>(List.of(value(single, element), value(single, element)));
            return raw == List.class ? list : new LinkedHashSet<>(list);
        }
        if (raw == Map.class) {
            Type valueType = ((ParameterizedType) type).getActualTypeArguments()[1];
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("quality", value(name, valueType));
            map.put("progress", value(name, valueType));
            return map;
        }
        if (raw.isRecord()) {
            if (raw.getRecordComponents().length == 1 && raw.getRecordComponents()[0].getType() == String.class) {
                // a typed id, named after the field that holds it
                Constructor<?> id = raw.getDeclaredConstructor(String.class);
                return id.newInstance(value(name.endsWith("Id") || name.endsWith("Ids") ? name : name + "Id", String.class));
            }
            return instance(raw, false);
        }
        if (raw.isSealed()) {
            return value(name, raw.getPermittedSubclasses()[n % raw.getPermittedSubclasses().length]);
        }
        throw new AssertionError("no value for " + name + " of " + type + ": teach this test the type");
    }
}
