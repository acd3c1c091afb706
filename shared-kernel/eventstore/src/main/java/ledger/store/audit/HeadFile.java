package ledger.store.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import ledger.evidence.Merkle;
import ledger.storeserver.PrivateFiles;

/**
 * The last head the notary signed, in a small file beside the signing key (one line: tree size,
 * root hash, the first sealed position and the hash of the checkpoint signed there; a head
 * written before seals has the first two only). It lives where the key lives, outside the
 * database, so a database writer cannot move it back. Written to a temporary file and moved, so
 * a crash leaves the old or the new head, never half of one. The query side reads it, where it
 * can, to tell whether signed checkpoints were deleted.
 */
public final class HeadFile implements Notary.HeadKeeper {

    private static final String NONE = "-";

    private final Path file;

    private HeadFile(Path file) {
        this.file = file;
    }

    /** The head kept beside this key file ({@code <key file>.head}). */
    public static HeadFile besideKey(Path keyFile) {
        return new HeadFile(keyFile.resolveSibling(keyFile.getFileName() + ".head"));
    }

    /** The head in this file (a reader configured with the notary's head file). */
    public static HeadFile at(Path file) {
        return new HeadFile(file);
    }

    @Override
    public Optional<Notary.Head> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            String[] parts = Files.readString(file, StandardCharsets.US_ASCII).strip().split(" ");
            long size = Long.parseLong(parts[0]);
            byte[] root = parts[1].equals(NONE) ? null : Merkle.unhex(parts[1]);
            if (parts.length < 4) {
                return Optional.of(new Notary.Head(size, root));
            }
            return Optional.of(new Notary.Head(size, root, Long.parseLong(parts[2]),
                    parts[3].equals(NONE) ? null : Merkle.unhex(parts[3])));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the notary's last signed head " + file, e);
        }
    }

    @Override
    public void write(Notary.Head head) {
        try {
            PrivateFiles.write(file, head.treeSize() + " " + hexOrNone(head.root()) + " "
                    + (head.sealedFrom() == null ? 1 : head.sealedFrom()) + " " + hexOrNone(head.checkpoint()) + "\n");
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("cannot keep the notary's signed head in " + file, e.getCause());
        }
    }

    private static String hexOrNone(byte[] hash) {
        return hash == null ? NONE : Merkle.hex(hash);
    }
}
