package ledger.evidence;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * The offline verifier: {@code java -jar ledger-evidence.jar FILE [--key public-key.pem]
 * [--previous kept-checkpoints.json]}. FILE is an evidence package or a checkpoint export.
 * Prints VALID or INVALID with every problem; exit code 0 valid, 1 invalid, 2 unusable input.
 */
public final class VerifyEvidence {

    static final int VALID = 0;
    static final int INVALID = 1;
    static final int UNUSABLE = 2;

    private VerifyEvidence() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The command line without exiting: for tests and for embedding. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path file = null;
        Path keyFile = null;
        Path previousFile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--key" -> keyFile = i + 1 < args.length ? Path.of(args[++i]) : null;
                case "--previous" -> previousFile = i + 1 < args.length ? Path.of(args[++i]) : null;
                default -> file = file == null && !args[i].startsWith("--") ? Path.of(args[i]) : null;
            }
        }
        if (file == null || (List.of(args).contains("--key") && keyFile == null)
                || (List.of(args).contains("--previous") && previousFile == null)) {
            err.println("usage: java -jar ledger-evidence.jar FILE [--key public-key.pem] [--previous kept-checkpoints.json]");
            return UNUSABLE;
        }
        EvidenceVerifier.Verdict verdict;
        List<String> printed = List.of();
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            PublicKey key = keyFile == null ? null : SigningKey.publicKeyFromPem(Files.readString(keyFile));
            if (text.contains("\"" + CheckpointExport.FORMAT + "\"")) {
                CheckpointExport previous = previousFile == null ? null
                        : CheckpointExport.parse(Files.readString(previousFile, StandardCharsets.UTF_8));
                verdict = EvidenceVerifier.verify(CheckpointExport.parse(text), key, previous);
            } else {
                EvidencePackage evidence = EvidencePackage.parse(text);
                verdict = EvidenceVerifier.verify(evidence, key);
                // what a printed page's verification code shows, to compare with the paper
                printed = List.of("  digest: " + evidence.digest(), "  checkpoint: tree size "
                        + evidence.checkpoint().treeSize() + ", root " + Merkle.hex(evidence.checkpoint().rootHash()));
            }
        } catch (IOException | IllegalArgumentException | java.time.DateTimeException e) {
            err.println("UNUSABLE: " + e.getMessage());
            return UNUSABLE;
        }
        List<String> lines = new ArrayList<>();
        verdict.problems().forEach(p -> lines.add("  problem: " + p));
        verdict.notes().forEach(n -> lines.add("  note: " + n));
        out.println(verdict.valid() ? "VALID" : "INVALID (" + verdict.problems().size() + " problems)");
        lines.forEach(out::println);
        printed.forEach(out::println);
        return verdict.valid() ? VALID : INVALID;
    }
}
