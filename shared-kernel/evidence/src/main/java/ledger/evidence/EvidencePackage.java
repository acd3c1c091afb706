package ledger.evidence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to check, offline, that some entries of the log are what the log held when
 * a checkpoint was signed: each entry's canonical text and position with its inclusion proof,
 * the signed checkpoint, and the public key it claims to be signed with.
 */
public record EvidencePackage(String title, String subject, Instant createdAt, List<Entry> entries,
                              Checkpoint checkpoint, String publicKeyPem) {

    public static final String FORMAT = "ledger-evidence/1";

    /** One log entry: its position, the canonical JSON that was hashed, and the audit path to the root. */
    public record Entry(long position, String canonical, List<byte[]> proof) {

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("position", position);
            json.put("canonical", canonical);
            json.put("proof", proof.stream().map(Merkle::hex).toList());
            return json;
        }

        static Entry fromJson(Object json) {
            Map<?, ?> map = Fields.object(json, "an entry");
            return new Entry(Fields.number(map, "position"), Fields.text(map, "canonical"), Fields.hashes(map, "proof"));
        }
    }

    public EvidencePackage {
        entries = List.copyOf(entries);
    }

    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("title", title);
        json.put("subject", subject);
        json.put("createdAt", createdAt.toString());
        json.put("entries", entries.stream().map(Entry::toJson).toList());
        json.put("checkpoint", checkpoint.toJson());
        json.put("publicKey", publicKeyPem);
        return Json.pretty(json);
    }

    public static EvidencePackage parse(String text) {
        Map<?, ?> json = Fields.object(Json.parse(text), "the package");
        if (!FORMAT.equals(json.get("format"))) {
            throw new IllegalArgumentException("not an evidence package of format " + FORMAT);
        }
        List<Entry> entries = new ArrayList<>();
        for (Object entry : Fields.list(json, "entries")) {
            entries.add(Entry.fromJson(entry));
        }
        return new EvidencePackage(Fields.text(json, "title"), Fields.text(json, "subject"),
                Instant.parse(Fields.text(json, "createdAt")), entries, Checkpoint.fromJson(json.get("checkpoint")),
                Fields.text(json, "publicKey"));
    }
}
