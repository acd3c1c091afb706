package ledger.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceVerifierTest {

    private static final Instant NOW = Instant.parse("2026-04-01T08:00:00Z");
    private final SigningKey key = SigningKey.generate();
    private final List<String> log = new ArrayList<>();
    private final List<byte[]> leaves = new ArrayList<>();

    EvidenceVerifierTest() {
        for (int p = 1; p <= 23; p++) {
            String entry = Json.canonical(Map.of("position", p, "eventId", "e-" + p, "payload",
                    Map.of("text", "第" + p + "条通报")));
            log.add(entry);
            leaves.add(Merkle.leafHash(entry));
        }
    }

    private EvidencePackage evidence(int size, long... positions) {
        Merkle.SubtreeHashes tree = Merkle.fromLeaves(leaves);
        Checkpoint checkpoint = key.sign(size, tree.hash(0, size), NOW);
        List<EvidencePackage.Entry> entries = new ArrayList<>();
        for (long p : positions) {
            entries.add(new EvidencePackage.Entry(p, log.get((int) p - 1), Merkle.inclusionProof(tree, p - 1, size)));
        }
        return new EvidencePackage("督查通报 2026-03", "bulletin-2026-03", NOW, entries, checkpoint, key.publicKeyPem());
    }

    private static EvidencePackage withEntry(EvidencePackage e, int i, UnaryOperator<EvidencePackage.Entry> change) {
        List<EvidencePackage.Entry> entries = new ArrayList<>(e.entries());
        entries.set(i, change.apply(entries.get(i)));
        return new EvidencePackage(e.title(), e.subject(), e.createdAt(), entries, e.checkpoint(), e.publicKeyPem());
    }

    @Test
    void a_true_package_is_valid_and_survives_its_json_form() {
        EvidencePackage evidence = evidence(20, 3, 11, 20);
        EvidenceVerifier.Verdict verdict = EvidenceVerifier.verify(EvidencePackage.parse(evidence.toJson()), key.publicKey());
        assertThat(verdict.problems()).isEmpty();
        assertThat(verdict.notes()).anyMatch(n -> n.contains("3 entries"));
    }

    private EvidencePackage changedText() {
        return withEntry(evidence(20, 3, 11), 1, e -> new EvidencePackage.Entry(e.position(),
                e.canonical().replace("第11条", "第12条"), e.proof()));
    }

    private EvidencePackage changedProofHash() {
        return withEntry(evidence(20, 3, 11), 0, e -> {
            List<byte[]> proof = new ArrayList<>(e.proof());
            byte[] hash = proof.get(2).clone();
            hash[31] ^= 0x40;
            proof.set(2, hash);
            return new EvidencePackage.Entry(e.position(), e.canonical(), proof);
        });
    }

    /** The entry of position 11 presented as position 12, with position 12's genuine proof. */
    private EvidencePackage otherPosition() {
        EvidencePackage.Entry eleven = evidence(20, 3, 11).entries().get(1);
        return withEntry(evidence(20, 3, 12), 1, e -> new EvidencePackage.Entry(12, eleven.canonical(), e.proof()));
    }

    /** A longer log claimed under the old signature. */
    private EvidencePackage wrongSignature() {
        EvidencePackage real = evidence(20, 3);
        Checkpoint c = real.checkpoint();
        return new EvidencePackage(real.title(), real.subject(), real.createdAt(), real.entries(),
                new Checkpoint(21, c.rootHash(), c.time(), c.keyId(), c.signature()), real.publicKeyPem());
    }

    private EvidencePackage signedByAnotherKey(SigningKey intruder) {
        EvidencePackage real = evidence(20, 3);
        Checkpoint c = real.checkpoint();
        return new EvidencePackage(real.title(), real.subject(), real.createdAt(), real.entries(),
                intruder.sign(c.treeSize(), c.rootHash(), c.time()), intruder.publicKeyPem());
    }

    @Test
    void changed_event_text_is_caught() {
        assertThat(EvidenceVerifier.verify(changedText(), key.publicKey()).problems())
                .singleElement().asString().startsWith("entry 2 (position 11): the inclusion proof does not lead");
    }

    @Test
    void a_changed_proof_hash_is_caught() {
        assertThat(EvidenceVerifier.verify(changedProofHash(), key.publicKey()).problems())
                .singleElement().asString().startsWith("entry 1 (position 3): the inclusion proof");
    }

    @Test
    void an_entry_claimed_at_another_position_is_caught() {
        assertThat(EvidenceVerifier.verify(otherPosition(), key.publicKey()).problems())
                .anyMatch(p -> p.startsWith("entry 2 (position 12): its text states position 11"))
                .anyMatch(p -> p.startsWith("entry 2 (position 12): the inclusion proof"));
    }

    @Test
    void a_wrong_checkpoint_signature_is_caught() {
        assertThat(EvidenceVerifier.verify(wrongSignature(), null).problems())
                .anyMatch(p -> p.startsWith("the checkpoint: the signature does not match"));
    }

    @Test
    void a_checkpoint_signed_by_another_key_is_caught_with_the_kept_key_and_flagged_without_it() {
        SigningKey intruder = SigningKey.generate();
        EvidencePackage resigned = signedByAnotherKey(intruder);
        EvidencePackage real = evidence(20, 3);
        Checkpoint c = real.checkpoint();
        assertThat(EvidenceVerifier.verify(resigned, key.publicKey()).problems())
                .anyMatch(p -> p.contains("not the key you trust"))
                .anyMatch(p -> p.contains("names signing key " + intruder.keyId()));
        EvidenceVerifier.Verdict without = EvidenceVerifier.verify(resigned, null);
        assertThat(without.valid()).isTrue();
        assertThat(without.notes()).anyMatch(n -> n.contains("only against the key embedded"));
        EvidencePackage mixed = new EvidencePackage(real.title(), real.subject(), real.createdAt(), real.entries(),
                intruder.sign(c.treeSize(), c.rootHash(), c.time()), key.publicKeyPem());
        assertThat(EvidenceVerifier.verify(mixed, null).problems())
                .anyMatch(p -> p.startsWith("the checkpoint: names signing key " + intruder.keyId()));
    }

    @Test
    void an_entry_beyond_the_checkpoint_is_caught() {
        EvidencePackage forged = withEntry(evidence(20, 3), 0, e -> new EvidencePackage.Entry(21, log.get(20), e.proof()));
        assertThat(EvidenceVerifier.verify(forged, key.publicKey()).problems())
                .singleElement().asString().contains("outside the checkpoint");
    }

    @Test
    void the_checkpoint_export_proves_each_checkpoint_extends_the_last_and_a_rewrite_is_caught() {
        Merkle.SubtreeHashes tree = Merkle.fromLeaves(leaves);
        List<Checkpoint> checkpoints = List.of(key.sign(5, tree.hash(0, 5), NOW), key.sign(12, tree.hash(0, 12), NOW),
                key.sign(23, tree.hash(0, 23), NOW));
        CheckpointExport export = new CheckpointExport(NOW, key.publicKeyPem(), checkpoints,
                List.of(Merkle.consistencyProof(tree, 5, 12), Merkle.consistencyProof(tree, 12, 23)));
        CheckpointExport parsed = CheckpointExport.parse(export.toJson());
        assertThat(EvidenceVerifier.verify(parsed, key.publicKey(), null).problems()).isEmpty();

        List<byte[]> rewritten = new ArrayList<>(leaves);
        rewritten.set(3, Merkle.leafHash("rewritten"));
        Merkle.SubtreeHashes other = Merkle.fromLeaves(rewritten);
        CheckpointExport resigned = new CheckpointExport(NOW, key.publicKeyPem(),
                List.of(checkpoints.get(0), key.sign(12, other.hash(0, 12), NOW), key.sign(23, other.hash(0, 23), NOW)),
                List.of(Merkle.consistencyProof(other, 5, 12), Merkle.consistencyProof(other, 12, 23)));
        assertThat(EvidenceVerifier.verify(resigned, key.publicKey(), null).problems())
                .singleElement().asString().startsWith("checkpoint 2 (tree size 12): the consistency proof");
        CheckpointExport fresh = new CheckpointExport(NOW, key.publicKeyPem(), resigned.checkpoints().subList(1, 3),
                resigned.consistencyProofs().subList(1, 2));
        assertThat(EvidenceVerifier.verify(fresh, key.publicKey(), export).problems())
                .anyMatch(p -> p.contains("kept checkpoint of tree size 5 is missing"))
                .anyMatch(p -> p.startsWith("the kept checkpoint of tree size 12 had root"));
    }

    @Test
    void the_command_line_prints_valid_or_names_the_problem_and_exits_non_zero(@TempDir Path dir) throws Exception {
        Path good = Files.writeString(dir.resolve("good.json"), evidence(20, 3, 11).toJson());
        Path bad = Files.writeString(dir.resolve("bad.json"), evidence(20, 3, 11).toJson().replace("第3条", "第4条"));
        Path pem = Files.writeString(dir.resolve("key.pem"), key.publicKeyPem());
        Path garbage = Files.writeString(dir.resolve("garbage.json"), "{\"format\":");

        assertThat(run(good.toString(), "--key", pem.toString())).startsWith("0 VALID");
        assertThat(run(good.toString())).startsWith("0 VALID").contains("only against the key embedded");
        assertThat(run(bad.toString(), "--key", pem.toString()))
                .startsWith("1 INVALID (1 problems)").contains("entry 1 (position 3): the inclusion proof");
        assertThat(run(garbage.toString())).startsWith("2 ").contains("UNUSABLE");
        assertThat(run()).startsWith("2 ").contains("usage");
    }

    @Test
    void the_digest_a_paper_copy_shows_names_the_events_not_the_file(@TempDir Path dir) throws Exception {
        EvidencePackage printed = evidence(12, 3, 11);
        // the same events downloaded later: a later checkpoint, other proofs, another order
        EvidencePackage later = evidence(20, 11, 3);
        assertThat(later.digest()).isEqualTo(printed.digest()).hasSize(64);
        assertThat(evidence(20, 3, 12).digest()).isNotEqualTo(printed.digest());
        assertThat(changedText().digest()).isNotEqualTo(evidence(20, 3, 11).digest());

        Path file = Files.writeString(dir.resolve("later.json"), later.toJson());
        assertThat(run(file.toString())).startsWith("0 VALID").contains("digest: " + printed.digest())
                .contains("checkpoint: tree size 20, root " + Merkle.hex(later.checkpoint().rootHash()));
    }

    @Test
    void every_forgery_fails_on_the_command_line_with_its_problem_named(@TempDir Path dir) throws Exception {
        Path pem = Files.writeString(dir.resolve("key.pem"), key.publicKeyPem());
        Map<String, EvidencePackage> forgeries = Map.of(
                "entry 2 (position 11): the inclusion proof", changedText(),
                "entry 1 (position 3): the inclusion proof", changedProofHash(),
                "entry 2 (position 12): its text states position 11", otherPosition(),
                "the checkpoint: the signature does not match", wrongSignature(),
                "the file carries key ", signedByAnotherKey(SigningKey.generate()));
        for (var forgery : forgeries.entrySet()) {
            Path file = Files.writeString(dir.resolve("forged.json"), forgery.getValue().toJson());
            assertThat(run(file.toString(), "--key", pem.toString())).as(forgery.getKey())
                    .startsWith("1 INVALID").contains("problem: " + forgery.getKey());
        }
    }

    /** A package under a chained checkpoint (seals required from position 1), each position its own sealed commit. */
    private EvidencePackage sealed(int size, long... positions) {
        Merkle.SubtreeHashes tree = Merkle.fromLeaves(leaves);
        Checkpoint checkpoint = key.sign(size, tree.hash(0, size), NOW, Merkle.leafHash("the checkpoint before"), 1);
        List<EvidencePackage.Entry> entries = new ArrayList<>();
        for (long p : positions) {
            entries.add(new EvidencePackage.Entry(p, log.get((int) p - 1), Merkle.inclusionProof(tree, p - 1, size),
                    key.seal(p, List.of(leaves.get((int) p - 1)), NOW)));
        }
        return new EvidencePackage("督查通报 2026-03", "bulletin-2026-03", NOW, entries, checkpoint, key.publicKeyPem());
    }

    @Test
    void a_sealed_package_is_valid_and_an_entry_the_writer_did_not_seal_is_named_a_forgery(@TempDir Path dir)
            throws Exception {
        Path pem = Files.writeString(dir.resolve("key.pem"), key.publicKeyPem());
        Path good = Files.writeString(dir.resolve("good.json"), sealed(20, 3, 11).toJson());
        assertThat(run(good.toString(), "--key", pem.toString())).startsWith("0 VALID").contains("carry the writer's seal");

        SigningKey intruder = SigningKey.generate();
        Map<String, EvidencePackage> forgeries = Map.of(
                "entry 2 (position 11): FORGERY: it carries no seal",
                withEntry(sealed(20, 3, 11), 1, e -> new EvidencePackage.Entry(e.position(), e.canonical(), e.proof())),
                "entry 2 (position 11): FORGERY: it is sealed with key " + intruder.keyId(),
                withEntry(sealed(20, 3, 11), 1, e -> new EvidencePackage.Entry(e.position(), e.canonical(), e.proof(),
                        intruder.seal(11, List.of(leaves.get(10)), NOW))),
                "entry 2 (position 11): its seal covers positions 3..3",
                withEntry(sealed(20, 3, 11), 1, e -> new EvidencePackage.Entry(e.position(), e.canonical(), e.proof(),
                        sealed(20, 3).entries().get(0).seal())),
                "entry 1 (position 3): FORGERY: the seal's signature does not verify",
                withEntry(sealed(20, 3, 11), 0, e -> new EvidencePackage.Entry(e.position(), e.canonical(), e.proof(),
                        new Seal(e.seal().keyId(), NOW.plusSeconds(1), 3, e.seal().leaves(), e.seal().signature()))));
        for (var forgery : forgeries.entrySet()) {
            Path file = Files.writeString(dir.resolve("forged.json"), forgery.getValue().toJson());
            assertThat(run(file.toString(), "--key", pem.toString())).as(forgery.getKey())
                    .startsWith("1 INVALID").contains("problem: " + forgery.getKey());
        }
    }

    @Test
    void an_export_whose_chain_skips_a_checkpoint_is_invalid() {
        Merkle.SubtreeHashes tree = Merkle.fromLeaves(leaves);
        Checkpoint first = key.sign(5, tree.hash(0, 5), NOW, null, 1);
        Checkpoint second = key.sign(12, tree.hash(0, 12), NOW, first.hash(), 1);
        Checkpoint third = key.sign(23, tree.hash(0, 23), NOW, second.hash(), 1);
        CheckpointExport whole = new CheckpointExport(NOW, key.publicKeyPem(), List.of(first, second, third),
                List.of(Merkle.consistencyProof(tree, 5, 12), Merkle.consistencyProof(tree, 12, 23)));
        assertThat(EvidenceVerifier.verify(CheckpointExport.parse(whole.toJson()), key.publicKey(), null).problems()).isEmpty();

        CheckpointExport middleGone = new CheckpointExport(NOW, key.publicKeyPem(), List.of(first, third),
                List.of(Merkle.consistencyProof(tree, 5, 23)));
        assertThat(EvidenceVerifier.verify(CheckpointExport.parse(middleGone.toJson()), key.publicKey(), null).problems())
                .singleElement().asString().startsWith("checkpoint 2 (tree size 23): names a predecessor that is not "
                        + "the checkpoint of 5 entries");
        CheckpointExport firstGone = new CheckpointExport(NOW, key.publicKeyPem(), List.of(second, third),
                List.of(Merkle.consistencyProof(tree, 12, 23)));
        assertThat(EvidenceVerifier.verify(firstGone, key.publicKey(), null).problems())
                .singleElement().asString().contains("checkpoint 1 (tree size 12): names a predecessor");
    }

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = VerifyEvidence.run(args, print, print);
        return code + " " + out.toString(StandardCharsets.UTF_8);
    }
}
