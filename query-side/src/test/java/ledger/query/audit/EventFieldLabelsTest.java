package ledger.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * The auditors' timeline names every field of every event in words: each field of each kernel event has a
 * label in both languages, so a new event or field cannot reach the workbench as a bare programme name.
 */
class EventFieldLabelsTest {

    @Test
    void every_field_of_every_event_type_has_a_label_in_chinese_and_english() {
        TreeSet<String> fields = new TreeSet<>();
        for (Class<?> type : EventSchema.eventTypes()) {
            assertThat(type.isRecord()).as("%s is a record", type.getSimpleName()).isTrue();
            for (var component : type.getRecordComponents()) {
                fields.add(component.getName());
            }
        }
        assertThat(fields).as("the kernel's event fields were found").hasSizeGreaterThan(100);
        for (String bundle : List.of("i18n/messages.properties", "i18n/messages_en.properties")) {
            Properties labels = load(bundle);
            List<String> missing = new ArrayList<>();
            for (String field : fields) {
                if (labels.getProperty("event.field." + field, "").isBlank()) {
                    missing.add(field);
                }
            }
            assertThat(missing).as("event fields without a label (event.field.<name>) in %s", bundle).isEmpty();
        }
    }

    private static Properties load(String bundle) {
        Properties properties = new Properties();
        try (InputStream in = EventFieldLabelsTest.class.getClassLoader().getResourceAsStream(bundle)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
