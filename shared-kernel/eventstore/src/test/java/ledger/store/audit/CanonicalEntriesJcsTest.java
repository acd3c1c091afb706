package ledger.store.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import ledger.store.MongoEventStorageEngine.LogEntry;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A leaf's text as stored events give it is what any RFC 8785 tool makes of the same document. */
class CanonicalEntriesJcsTest {

    private final AuditedLog log = new AuditedLog();

    @AfterEach
    void close() {
        log.close();
    }

    @Test
    void the_canonical_entry_of_every_stored_event_is_its_rfc_8785_form() throws IOException {
        log.append("notebook-1", 12);
        List<LogEntry> entries = log.engine.readSettled(1, 12);

        assertThat(entries).hasSize(12);
        for (LogEntry entry : entries) {
            String canonical = CanonicalEntries.of(entry);
            assertThat(canonical).isEqualTo(new JsonCanonicalizer(canonical).getEncodedString());
            assertThat(canonical).contains("\"position\":" + entry.position());
        }
    }
}
