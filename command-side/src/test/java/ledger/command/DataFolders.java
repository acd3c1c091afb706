package ledger.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A data folder of a test's own. The notary keeps its key and its last signed head there, beside the
 * store: a test context sharing the default {@code ./data} with others would find a head another store's
 * notary signed, and (rightly) raise a TAMPER ALARM instead of signing.
 */
public final class DataFolders {

    private DataFolders() {
    }

    public static Path fresh(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
