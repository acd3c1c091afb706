package ledger.command.web.journey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the journeys save the README's screenshots: {@code -Dledger.screenshots=docs/screenshots}, a path
 * relative to the repository's root (tests run in the module's folder). Unset, nothing is written, so a CI
 * run leaves the tree clean.
 */
final class Screenshots {

    private Screenshots() {
    }

    static Optional<Path> folder() {
        String asked = System.getProperty("ledger.screenshots");
        if (asked == null || asked.isBlank()) {
            return Optional.empty();
        }
        Path folder = Path.of(asked);
        return Optional.of(folder.isAbsolute() ? folder : root().resolve(folder));
    }

    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path at = dir; at != null; at = at.getParent()) {
            if (Files.exists(at.resolve("mvnw")) && Files.exists(at.resolve("command-side"))) {
                return at;
            }
        }
        return dir;
    }
}
