package ledger.command.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import ledger.command.CommandSideApplication;
import ledger.evidence.Checkpoint;
import ledger.evidence.SigningKey;
import ledger.store.Fixtures;
import ledger.store.MongoEventStorageEngine;
import ledger.store.audit.AuditStore;
import ledger.store.audit.CommitSeals;
import ledger.store.audit.LogVerifier;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The command side notarizes its log with a key it creates once and keeps across restarts. */
class AuditNotaryTest {

    @TempDir
    Path data;

    @Test
    void creates_its_key_once_signs_checkpoints_and_resumes_the_tree_after_a_restart() throws Exception {
        String keyId;
        try (ConfigurableApplicationContext first = start()) {
            first.getBean(EventStore.class).publish(Fixtures.noted("notebook-1", 0), Fixtures.noted("notebook-1", 1));
            Checkpoint checkpoint = notarized(first);
            assertThat(checkpoint.treeSize()).isGreaterThanOrEqualTo(2);
            keyId = checkpoint.keyId();
            assertThat(Files.readString(data.resolve("audit-signing-key.pem"))).contains("PRIVATE KEY");
            assertThat(first.getBean(AuditStore.class).publicKeyPem(keyId)).isPresent();
        }
        try (ConfigurableApplicationContext second = start()) {
            long before = second.getBean(AuditStore.class).treeSize();
            second.getBean(EventStore.class).publish(Fixtures.noted("notebook-1", 2));
            Checkpoint checkpoint = notarized(second);
            assertThat(checkpoint.keyId()).isEqualTo(keyId);
            assertThat(checkpoint.treeSize()).isEqualTo(before + 1);
            assertThat(SigningKey.keyId(SigningKey.publicKeyFromPem(Files.readString(data.resolve("audit-signing-key.pem")))))
                    .isEqualTo(keyId);
            assertThat(second.getBean(LogVerifier.class).verify(null, null).valid()).isTrue();
            MongoEventStorageEngine engine = second.getBean(MongoEventStorageEngine.class);
            long last = engine.lastReservedPosition();
            assertThat(CommitSeals.stored(engine.owners(last, 1).get(last))).as("sealed by the command side as written")
                    .hasValueSatisfying(seal -> assertThat(seal.keyId()).isEqualTo(keyId));
            assertThat(Files.readString(data.resolve("audit-signing-key.pem.head"))).as("head beside the key")
                    .startsWith(checkpoint.treeSize() + " ");
        }
    }

    /**
     * A pass now, and the checkpoint that covers the log: the start-up pass runs on the notary's
     * own thread and may have signed it already.
     */
    private static Checkpoint notarized(ConfigurableApplicationContext service) {
        service.getBean(AuditNotary.class).pass();
        return service.getBean(AuditStore.class).latestCheckpoint().orElseThrow();
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CommandSideApplication.class)
                .run("--server.port=0", "--ledger.store.data-dir=" + data, "--ledger.security.bcrypt-strength=4",
                        "--ledger.audit.checkpoint-entries=1", "--ledger.audit.notary-interval=1h");
    }
}
