package ledger.evidence;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks evidence packages and checkpoint exports with nothing but the file (and, ideally, the
 * public key an auditor keeps outside the system). Every problem is named: which entry or
 * checkpoint, and which check failed.
 */
public final class EvidenceVerifier {

    /** {@code problems} empty means valid; {@code notes} say what was checked and against what. */
    public record Verdict(List<String> problems, List<String> notes) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private EvidenceVerifier() {
    }

    /** @param trustedKey the key the auditor keeps, or null to check only against the key in the package */
    public static Verdict verify(EvidencePackage evidence, PublicKey trustedKey) {
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Checkpoint checkpoint = evidence.checkpoint();
        checkSignature(checkpoint, "the checkpoint", evidence.publicKeyPem(), trustedKey, problems, notes);
        if (evidence.entries().isEmpty()) {
            problems.add("the package holds no entries");
        }
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < evidence.entries().size(); i++) {
            EvidencePackage.Entry entry = evidence.entries().get(i);
            String name = "entry " + (i + 1) + " (position " + entry.position() + ")";
            if (!seen.add(entry.position())) {
                problems.add(name + ": the position appears twice in the package");
            }
            if (entry.position() < 1 || entry.position() > checkpoint.treeSize()) {
                problems.add(name + ": outside the checkpoint, which covers positions 1.." + checkpoint.treeSize());
                continue;
            }
            Object content;
            try {
                content = Json.parse(entry.canonical());
            } catch (IllegalArgumentException e) {
                problems.add(name + ": its text is not JSON (" + e.getMessage() + ")");
                continue;
            }
            Object stated = content instanceof Map<?, ?> map ? map.get("position") : null;
            if (!(stated instanceof Long p) || p != entry.position()) {
                problems.add(name + ": its text states position " + stated + ", not " + entry.position());
            }
            byte[] leaf = Merkle.leafHash(entry.canonical());
            if (!Merkle.verifyInclusion(entry.position() - 1, checkpoint.treeSize(), leaf,
                    entry.proof(), checkpoint.rootHash())) {
                problems.add(name + ": the inclusion proof does not lead to the checkpoint's root hash"
                        + " (the entry's text, its position or its proof was altered)");
            }
            sealProblem(entry, leaf, checkpoint, evidence.publicKeyPem(), trustedKey)
                    .ifPresent(problem -> problems.add(name + ": " + problem));
        }
        long sealed = evidence.entries().stream().filter(e -> e.seal() != null).count();
        if (problems.isEmpty() && sealed > 0) {
            notes.add(sealed + " of the entries carry the writer's seal, checked against the same key"
                    + (checkpoint.chained() ? "; the checkpoint requires seals from position " + checkpoint.sealedFrom() : ""));
        }
        if (problems.isEmpty()) {
            notes.add(evidence.entries().size() + " entries of \"" + evidence.subject() + "\" are in the log whose first "
                    + checkpoint.treeSize() + " entries have root " + Merkle.hex(checkpoint.rootHash())
                    + ", signed at " + checkpoint.time());
        }
        return new Verdict(problems, notes);
    }

    /**
     * @param previous an export the auditor kept earlier, or null: each of its checkpoints must
     *                 reappear unchanged
     */
    public static Verdict verify(CheckpointExport export, PublicKey trustedKey, CheckpointExport previous) {
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<Checkpoint> checkpoints = export.checkpoints();
        if (checkpoints.isEmpty()) {
            problems.add("the export holds no checkpoints");
        }
        for (int i = 0; i < checkpoints.size(); i++) {
            Checkpoint checkpoint = checkpoints.get(i);
            String name = "checkpoint " + (i + 1) + " (tree size " + checkpoint.treeSize() + ")";
            checkSignature(checkpoint, name, export.publicKeyPem(), trustedKey, problems, i == 0 ? notes : new ArrayList<>());
            if (i == 0) {
                chainProblem(checkpoint, null).ifPresent(problem -> problems.add(name + ": " + problem));
                continue;
            }
            Checkpoint before = checkpoints.get(i - 1);
            chainProblem(checkpoint, before).ifPresent(problem -> problems.add(name + ": " + problem));
            if (checkpoint.treeSize() <= before.treeSize()) {
                problems.add(name + ": not larger than the checkpoint before it (" + before.treeSize() + ")");
            } else if (!Merkle.verifyConsistency(before.treeSize(), checkpoint.treeSize(), before.rootHash(),
                    checkpoint.rootHash(), export.consistencyProofs().get(i - 1))) {
                problems.add(name + ": the consistency proof does not show that it extends the checkpoint of size "
                        + before.treeSize() + " (the log was rewritten between them)");
            }
        }
        if (previous != null) {
            for (Checkpoint kept : previous.checkpoints()) {
                Checkpoint now = checkpoints.stream().filter(c -> c.treeSize() == kept.treeSize()).findFirst().orElse(null);
                if (now == null) {
                    problems.add("the kept checkpoint of tree size " + kept.treeSize() + " is missing from this export");
                } else if (!Arrays.equals(now.rootHash(), kept.rootHash())) {
                    problems.add("the kept checkpoint of tree size " + kept.treeSize() + " had root "
                            + Merkle.hex(kept.rootHash()) + ", this export says " + Merkle.hex(now.rootHash()));
                }
            }
            notes.add("compared with " + previous.checkpoints().size() + " kept checkpoints");
        }
        if (problems.isEmpty() && !checkpoints.isEmpty()) {
            notes.add(checkpoints.size() + " checkpoints, each extending the one before, up to tree size "
                    + checkpoints.get(checkpoints.size() - 1).treeSize());
        }
        return new Verdict(problems, notes);
    }

    /**
     * Whether a chained checkpoint names {@code before} (null: none, it must be the first) as its
     * predecessor. Unchained (format 1) checkpoints may only precede chained ones.
     */
    public static Optional<String> chainProblem(Checkpoint checkpoint, Checkpoint before) {
        if (!checkpoint.chained()) {
            return before != null && before.chained()
                    ? Optional.of("is not chained, but follows a chained checkpoint (signed by someone else)")
                    : Optional.empty();
        }
        if (before == null) {
            return checkpoint.previous() == null ? Optional.empty() : Optional.of("names a predecessor ("
                    + Merkle.hex(checkpoint.previous()) + ") that is missing: earlier checkpoints were removed");
        }
        if (checkpoint.previous() == null) {
            return Optional.of("claims to be the first checkpoint, but the checkpoint of " + before.treeSize()
                    + " entries comes before it");
        }
        if (!Arrays.equals(checkpoint.previous(), before.hash())) {
            return Optional.of("names a predecessor that is not the checkpoint of " + before.treeSize()
                    + " entries before it: a checkpoint between them was removed or replaced");
        }
        if (before.chained() && !before.sealedFrom().equals(checkpoint.sealedFrom())) {
            return Optional.of("says entries are sealed from position " + checkpoint.sealedFrom()
                    + ", its predecessor said " + before.sealedFrom());
        }
        return Optional.empty();
    }

    /**
     * Whether the entry carries the writer's valid seal where the checkpoint requires one: from its
     * {@code sealedFrom} on (voids are exempt: they hold no event, and a reader without the key may
     * record them). A seal present is always checked, against the same key as the checkpoint.
     */
    private static Optional<String> sealProblem(EvidencePackage.Entry entry, byte[] leaf, Checkpoint checkpoint,
                                                String embeddedPem, PublicKey trustedKey) {
        Seal seal = entry.seal();
        if (seal == null) {
            boolean required = checkpoint.chained() && entry.position() >= checkpoint.sealedFrom()
                    && !isVoid(entry.canonical());
            return required ? Optional.of("FORGERY: it carries no seal of the writer, although every entry from position "
                    + checkpoint.sealedFrom() + " on is sealed when it is written") : Optional.empty();
        }
        if (!seal.covers(entry.position())) {
            return Optional.of("its seal covers positions " + seal.firstPosition() + ".." + seal.lastPosition()
                    + ", not " + entry.position());
        }
        if (!Arrays.equals(seal.leafAt(entry.position()), leaf)) {
            return Optional.of("FORGERY: its text is not what the writer sealed at that position");
        }
        PublicKey key;
        try {
            key = trustedKey != null ? trustedKey : SigningKey.publicKeyFromPem(embeddedPem);
        } catch (IllegalArgumentException unreadable) {
            return Optional.of("its seal cannot be checked: the public key in the file is unreadable");
        }
        if (!seal.keyId().equals(SigningKey.keyId(key))) {
            return Optional.of("FORGERY: it is sealed with key " + seal.keyId() + ", not the writer's key "
                    + SigningKey.keyId(key));
        }
        return SigningKey.verify(seal, key) ? Optional.empty()
                : Optional.of("FORGERY: the seal's signature does not verify (the seal or its commit's leaves were altered)");
    }

    private static boolean isVoid(String canonical) {
        try {
            return Json.parse(canonical) instanceof Map<?, ?> map && map.containsKey("void") && !map.containsKey("eventId");
        } catch (IllegalArgumentException notJson) {
            return false;
        }
    }

    private static void checkSignature(Checkpoint checkpoint, String name, String embeddedPem, PublicKey trustedKey,
                                       List<String> problems, List<String> notes) {
        PublicKey embedded;
        try {
            embedded = SigningKey.publicKeyFromPem(embeddedPem);
        } catch (IllegalArgumentException e) {
            problems.add("the public key in the file is unreadable: " + e.getMessage());
            return;
        }
        PublicKey key = trustedKey != null ? trustedKey : embedded;
        String keyId = SigningKey.keyId(key);
        if (trustedKey != null && !SigningKey.keyId(embedded).equals(keyId)) {
            problems.add("the file carries key " + SigningKey.keyId(embedded) + ", not the key you trust (" + keyId + ")");
        }
        if (!checkpoint.keyId().equals(keyId)) {
            problems.add(name + ": names signing key " + checkpoint.keyId() + ", but the key checked against is " + keyId);
        } else if (!SigningKey.verify(checkpoint, key)) {
            problems.add(name + ": the signature does not match its tree size, root hash and time under key " + keyId);
        }
        notes.add(trustedKey != null
                ? "signature checked against the public key you gave (" + keyId + ")"
                : "signature checked only against the key embedded in the file (" + keyId + "); "
                        + "pass --key with the public key you keep outside the system to rule out a re-signed file");
    }
}
