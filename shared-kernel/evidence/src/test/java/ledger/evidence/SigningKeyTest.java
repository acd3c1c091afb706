package ledger.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {

    private static final byte[] ROOT = Merkle.leafHash("root");
    private static final Instant TIME = Instant.parse("2026-03-31T16:00:00Z");

    @Test
    void a_checkpoint_verifies_under_its_key_and_under_no_other() {
        SigningKey key = SigningKey.generate();
        Checkpoint checkpoint = key.sign(12, ROOT, TIME);
        assertThat(checkpoint.keyId()).isEqualTo(key.keyId()).hasSize(32);
        assertThat(SigningKey.verify(checkpoint, key.publicKey())).isTrue();
        assertThat(SigningKey.verify(checkpoint, SigningKey.generate().publicKey())).isFalse();
    }

    @Test
    void any_changed_field_breaks_the_signature() {
        SigningKey key = SigningKey.generate();
        Checkpoint c = key.sign(12, ROOT, TIME);
        assertThat(SigningKey.verify(new Checkpoint(13, c.rootHash(), c.time(), c.keyId(), c.signature()), key.publicKey())).isFalse();
        assertThat(SigningKey.verify(new Checkpoint(12, Merkle.leafHash("x"), c.time(), c.keyId(), c.signature()), key.publicKey())).isFalse();
        assertThat(SigningKey.verify(new Checkpoint(12, c.rootHash(), TIME.plusSeconds(1), c.keyId(), c.signature()), key.publicKey())).isFalse();
        byte[] signature = c.signature().clone();
        signature[5] ^= 1;
        assertThat(SigningKey.verify(new Checkpoint(12, c.rootHash(), c.time(), c.keyId(), signature), key.publicKey())).isFalse();
    }

    @Test
    void signs_a_fixed_line_format() {
        Checkpoint c = SigningKey.generate().sign(3, ROOT, TIME);
        assertThat(c.signedText()).isEqualTo("ledger-checkpoint/1\ntree-size 3\nroot " + Merkle.hex(ROOT)
                + "\ntime 2026-03-31T16:00:00Z\nkey " + c.keyId() + "\n");
        assertThat(Checkpoint.fromJson(Json.parse(Json.canonical(c.toJson()))).signedText()).isEqualTo(c.signedText());
    }

    @Test
    void the_key_file_is_created_once_and_read_back(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/audit-key.pem");
        SigningKey created = SigningKey.loadOrCreate(file);
        SigningKey loaded = SigningKey.loadOrCreate(file);
        assertThat(loaded.keyId()).isEqualTo(created.keyId());
        assertThat(SigningKey.verify(loaded.sign(1, ROOT, TIME), created.publicKey())).isTrue();
        assertThat(SigningKey.keyId(SigningKey.publicKeyFromPem(created.publicKeyPem()))).isEqualTo(created.keyId());
    }
}
