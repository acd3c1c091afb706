package ledger.command.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import ledger.evidence.Merkle;
import ledger.store.audit.Notary;
import ledger.storeserver.PrivateFiles;

/**
 * The last head the notary signed, in a small file beside the signing key (one line: tree size
 * and root hash). It lives where the key lives, outside the database, so a database writer
 * cannot move it back. Written to a temporary file and moved, so a crash leaves the old or the
 * new head, never half of one.
 */
final class HeadFile implements Notary.HeadKeeper {

    private final Path file;

    HeadFile(Path keyFile) {
        this.file = keyFile.resolveSibling(keyFile.getFileName() + ".head");
    }

    @Override
    public Optional<Notary.Head> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            String[] parts = Files.readString(file, StandardCharsets.US_ASCII).strip().split(" ");
            return Optional.of(new Notary.Head(Long.parseLong(parts[0]), Merkle.unhex(parts[1])));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the notary's last signed head " + file, e);
        }
    }

    @Override
    public void write(Notary.Head head) {
        try {
            PrivateFiles.write(file, head.treeSize() + " " + Merkle.hex(head.root()) + "\n");
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("cannot keep the notary's signed head in " + file, e.getCause());
        }
    }
}
