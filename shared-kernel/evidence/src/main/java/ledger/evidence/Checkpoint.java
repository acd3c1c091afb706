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
 * <p>
 * Format 2 chains the checkpoints: each names the hash of the one before ({@code previous}, null
 * for the first), so a removed checkpoint breaks the chain; and it states {@code sealedFrom}, the
 * first position from which every entry carries the writer's seal (entries before it were written
 * before seals existed and are vouched for by the tree alone). Format 1 checkpoints have neither.
 */
public record Checkpoint(long treeSize, byte[] rootHash, Instant time, String keyId, byte[] previous, Long sealedFrom,
                         byte[] signature) {

    public static final String FORMAT = "ledger-checkpoint/1";
    public static final String CHAINED_FORMAT = "ledger-checkpoint/2";

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
        if (previous != null && previous.length != Merkle.HASH_BYTES || previous != null && sealedFrom == null
                || sealedFrom != null && sealedFrom < 1) {
            throw new IllegalArgumentException("a chained checkpoint names a previous hash and its first sealed position");
        }
    }

    /** An unchained checkpoint (format 1), as signed before checkpoints were chained. */
    public Checkpoint(long treeSize, byte[] rootHash, Instant time, String keyId, byte[] signature) {
        this(treeSize, rootHash, time, keyId, null, null, signature);
    }

    public boolean chained() {
        return sealedFrom != null;
    }

    public static String signedText(long treeSize, byte[] rootHash, Instant time, String keyId) {
        return FORMAT + "\n"
                + "tree-size " + treeSize + "\n"
                + "root " + Merkle.hex(rootHash) + "\n"
                + "time " + time + "\n"
                + "key " + keyId + "\n";
    }

    public static String signedText(long treeSize, byte[] rootHash, Instant time, String keyId, byte[] previous,
                                    long sealedFrom) {
        return CHAINED_FORMAT + "\n"
                + "tree-size " + treeSize + "\n"
                + "root " + Merkle.hex(rootHash) + "\n"
                + "time " + time + "\n"
                + "key " + keyId + "\n"
                + "previous " + (previous == null ? "none" : Merkle.hex(previous)) + "\n"
                + "sealed-from " + sealedFrom + "\n";
    }

    public byte[] signedBytes() {
        return signedText().getBytes(StandardCharsets.UTF_8);
    }

    public String signedText() {
        return chained() ? signedText(treeSize, rootHash, time, keyId, previous, sealedFrom)
                : signedText(treeSize, rootHash, time, keyId);
    }

    /** What the next checkpoint names as its predecessor: SHA-256 over this one's signed text. */
    public byte[] hash() {
        return Merkle.sha256().digest(signedBytes());
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("treeSize", treeSize);
        json.put("rootHash", Merkle.hex(rootHash));
        json.put("time", time.toString());
        json.put("keyId", keyId);
        if (chained()) {
            json.put("previous", previous == null ? null : Merkle.hex(previous));
            json.put("sealedFrom", sealedFrom);
        }
        json.put("signature", Base64.getEncoder().encodeToString(signature));
        return json;
    }

    public static Checkpoint fromJson(Object json) {
        Map<?, ?> map = Fields.object(json, "checkpoint");
        boolean chained = map.containsKey("sealedFrom");
        return new Checkpoint(Fields.number(map, "treeSize"), Merkle.unhex(Fields.text(map, "rootHash")),
                Instant.parse(Fields.text(map, "time")), Fields.text(map, "keyId"),
                chained && map.get("previous") != null ? Merkle.unhex(Fields.text(map, "previous")) : null,
                chained ? Long.valueOf(Fields.number(map, "sealedFrom")) : null,
                Base64.getDecoder().decode(Fields.text(map, "signature")));
    }
}
