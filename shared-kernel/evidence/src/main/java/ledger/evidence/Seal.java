package ledger.evidence;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The writer's signature over one commit as it wrote it: the commit's consecutive positions
 * ({@code firstPosition} on, one leaf hash each) and the time it wrote them. Only the command
 * side holds the key, so an entry put straight into the database cannot carry a valid seal.
 * The leaves are the Merkle leaf hashes of the commit's canonical entries, so checking one entry
 * needs its text and the other leaf hashes of its commit, not the other entries themselves.
 */
public record Seal(String keyId, Instant writtenAt, long firstPosition, List<byte[]> leaves, byte[] signature) {

    public static final String FORMAT = "ledger-seal/1";

    public Seal {
        if (keyId == null || keyId.isBlank() || writtenAt == null || firstPosition < 1 || leaves == null
                || leaves.isEmpty() || signature == null) {
            throw new IllegalArgumentException("a seal names its key, time, first position, leaves and signature");
        }
        leaves = List.copyOf(leaves);
    }

    public static String signedText(String keyId, Instant writtenAt, long firstPosition, List<byte[]> leaves) {
        StringBuilder text = new StringBuilder(FORMAT).append('\n')
                .append("key ").append(keyId).append('\n')
                .append("written ").append(writtenAt).append('\n')
                .append("positions ").append(firstPosition).append(' ').append(firstPosition + leaves.size() - 1).append('\n');
        for (byte[] leaf : leaves) {
            text.append("leaf ").append(Merkle.hex(leaf)).append('\n');
        }
        return text.toString();
    }

    public byte[] signedBytes() {
        return signedText(keyId, writtenAt, firstPosition, leaves).getBytes(StandardCharsets.UTF_8);
    }

    public long lastPosition() {
        return firstPosition + leaves.size() - 1;
    }

    public boolean covers(long position) {
        return position >= firstPosition && position <= lastPosition();
    }

    /** The leaf hash the writer sealed for this position (which {@link #covers} it). */
    public byte[] leafAt(long position) {
        return leaves.get((int) (position - firstPosition));
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("keyId", keyId);
        json.put("writtenAt", writtenAt.toString());
        json.put("firstPosition", firstPosition);
        json.put("leaves", leaves.stream().map(Merkle::hex).toList());
        json.put("signature", Base64.getEncoder().encodeToString(signature));
        return json;
    }

    public static Seal fromJson(Object json) {
        Map<?, ?> map = Fields.object(json, "a seal");
        return new Seal(Fields.text(map, "keyId"), Instant.parse(Fields.text(map, "writtenAt")),
                Fields.number(map, "firstPosition"), Fields.hashes(map, "leaves"),
                Base64.getDecoder().decode(Fields.text(map, "signature")));
    }
}
