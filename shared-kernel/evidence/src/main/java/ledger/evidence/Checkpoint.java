package ledger.evidence;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A signed statement "the log's first {@code treeSize} entries have this root hash", made at
 * {@code time} with the key {@code keyId}. What is signed is {@link #signedText()}, a fixed
 * line format, so the signature never depends on how JSON happens to be written.
 */
public record Checkpoint(long treeSize, byte[] rootHash, Instant time, String keyId, byte[] signature) {

    public static final String FORMAT = "ledger-checkpoint/1";

    public Checkpoint {
        if (treeSize < 1) {
            throw new IllegalArgumentException("a checkpoint covers at least one entry");
        }
        if (rootHash == null || rootHash.length != Merkle.HASH_BYTES) {
            throw new IllegalArgumentException("a root hash has " + Merkle.HASH_BYTES + " bytes");
        }
        if (time == null || keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("a checkpoint names its time and key");
        }
    }

    public static String signedText(long treeSize, byte[] rootHash, Instant time, String keyId) {
        return FORMAT + "\n"
                + "tree-size " + treeSize + "\n"
                + "root " + Merkle.hex(rootHash) + "\n"
                + "time " + time + "\n"
                + "key " + keyId + "\n";
    }

    public byte[] signedBytes() {
        return signedText(treeSize, rootHash, time, keyId).getBytes(StandardCharsets.UTF_8);
    }

    public String signedText() {
        return signedText(treeSize, rootHash, time, keyId);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("treeSize", treeSize);
        json.put("rootHash", Merkle.hex(rootHash));
        json.put("time", time.toString());
        json.put("keyId", keyId);
        json.put("signature", Base64.getEncoder().encodeToString(signature));
        return json;
    }

    public static Checkpoint fromJson(Object json) {
        Map<?, ?> map = Fields.object(json, "checkpoint");
        return new Checkpoint(Fields.number(map, "treeSize"), Merkle.unhex(Fields.text(map, "rootHash")),
                Instant.parse(Fields.text(map, "time")), Fields.text(map, "keyId"),
                Base64.getDecoder().decode(Fields.text(map, "signature")));
    }
}
