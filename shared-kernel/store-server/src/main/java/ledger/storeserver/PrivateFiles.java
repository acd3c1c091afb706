package ledger.storeserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The data folder holds every event, the signing key and first-start passwords: it and its files
 * are readable by the owner alone (0700 and 0600), wherever the file system knows POSIX permissions.
 */
public final class PrivateFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {
    }

    /** Creates the folder if needed and makes it the owner's alone (also when it already existed). */
    public static Path folder(Path folder) {
        try {
            Files.createDirectories(folder);
            if (POSIX) {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the private folder " + folder.toAbsolutePath(), e);
        }
    }

    /** Makes an existing file the owner's alone; a missing file is left to be created later. */
    public static void file(Path file) {
        if (!POSIX || !Files.exists(file)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + file.toAbsolutePath() + " private", e);
        }
    }

    /** Writes a file that only the owner can read, from its first byte on. */
    public static void write(Path file, String text) {
        try {
            Path folder = folder(file.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
            file(temp);
            Files.writeString(temp, text);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.toAbsolutePath(), e);
        }
    }
}
