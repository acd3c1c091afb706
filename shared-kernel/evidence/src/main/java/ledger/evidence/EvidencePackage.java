package ledger.evidence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to check, offline, that some entries of the log are what the log held when
 * a checkpoint was signed: each entry's canonical text and position with its inclusion proof and
 * the writer's seal over its commit, the signed checkpoint, and the public key it claims to be
 * signed with. Format 2 added the seals; format 1 packages are still read.
 */
public record EvidencePackage(String title, String subject, Instant createdAt, List<Entry> entries,
                              Checkpoint checkpoint, String publicKeyPem) {

    public static final String FORMAT = "ledger-evidence/2";
    static final String UNSEALED_FORMAT = "ledger-evidence/1";

    /**
     * One log entry: its position, the canonical JSON that was hashed, the audit path to the root,
     * and the seal of the commit it was written in (null: written before seals existed).
     */
    public record Entry(long position, String canonical, List<byte[]> proof, Seal seal) {

        public Entry(long position, String canonical, List<byte[]> proof) {
            this(position, canonical, proof, null);
        }

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("position", position);
            json.put("canonical", canonical);
            json.put("proof", proof.stream().map(Merkle::hex).toList());
            if (seal != null) {
                json.put("seal", seal.toJson());
            }
            return json;
        }

        static Entry fromJson(Object json) {
            Map<?, ?> map = Fields.object(json, "an entry");
            return new Entry(Fields.number(map, "position"), Fields.text(map, "canonical"), Fields.hashes(map, "proof"),
                    map.get("seal") == null ? null : Seal.fromJson(map.get("seal")));
        }
    }

    public EvidencePackage {
        entries = List.copyOf(entries);
    }

    /**
     * What a printed page shows of its package (with the checkpoint): SHA-256 over each entry's position and
     * leaf hash, in position order. It names the events, not the file: a package downloaded later for the
     * same events (anchored to a later checkpoint, with other proofs) has the same digest.
     */
    public String digest() {
        java.security.MessageDigest sha = Merkle.sha256();
        entries.stream().sorted(java.util.Comparator.comparingLong(Entry::position)).forEach(entry ->
                sha.update((entry.position() + ":" + Merkle.hex(Merkle.leafHash(entry.canonical())) + "\n")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        return Merkle.hex(sha.digest());
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
        if (!FORMAT.equals(json.get("format")) && !UNSEALED_FORMAT.equals(json.get("format"))) {
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
