package ledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ledger.kernel.shared.ErrorCode;
import ledger.web.Problems;
import org.junit.jupiter.api.Test;

/**
 * The README's rules table names every error code a client can get, with the status it answers, its
 * rule (the code's title) and the classes that raise it: every main source file of the repository
 * that names the code ({@code ErrorCode.X}, or {@code X} under a static import of ErrorCode). This
 * test renders the table from {@link ErrorCode}, {@link Problems#statusOf} and the sources and fails
 * when the README's differs. Regenerate it with
 * {@code ./mvnw -B -ntp -q -pl command-side -am test -Dtest=RulesTableTest -Dsurefire.failIfNoSpecifiedTests=false -Dledger.docs.write=true}.
 */
class RulesTableTest {

    static final Path ROOT = Path.of("..");
    static final Path README = ROOT.resolve("README.md");
    static final String HEADER = "| code | status | rule | where it is decided |\n|---|---|---|---|\n";
    private static final Pattern STATIC_IMPORT = Pattern.compile("import static ledger\\.kernel\\.shared\\.ErrorCode\\.");

    @Test
    void the_readme_rules_table_is_the_table_the_codes_and_the_sources_give() throws IOException {
        String table = render(mainSources());
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int start = readme.indexOf(HEADER, readme.indexOf("## Rules: error code"));
        assertThat(start).as("the README's rules table under \"## Rules: error code\"").isPositive();
        int end = readme.indexOf("\n\n", start) + 1;
        if (Boolean.getBoolean("ledger.docs.write")) {
            readme = readme.substring(0, start) + table + readme.substring(end);
            Files.writeString(README, readme, StandardCharsets.UTF_8);
            end = start + table.length();
        }
        assertThat(readme.substring(start, end))
                .as("the README's rules table is out of date; regenerate it (see this test's comment)")
                .isEqualTo(table);
    }

    @Test
    void every_code_is_raised_somewhere_and_the_scan_finds_the_places_it_should() {
        String table = render(mainSources());
        assertThat(table).doesNotContain("| — |")
                .contains("| `UNKNOWN_ACCOUNT` | 404 | No such account | `AccountController`")
                .contains("| `NOT_RECORDED_FOR_ROLE` | 409 | " + ErrorCode.NOT_RECORDED_FOR_ROLE.title()
                        + " | `AccountGrantPolicy` |");
    }

    /** One row per code, in the enum's order; the files by class name, sorted. */
    static String render(Map<Path, String> sources) {
        StringBuilder out = new StringBuilder(HEADER);
        for (ErrorCode code : ErrorCode.values()) {
            Pattern qualified = Pattern.compile("ErrorCode\\." + code.name() + "\\b");
            Pattern bare = Pattern.compile("\\b" + code.name() + "\\b");
            Set<String> where = new TreeSet<>();
            sources.forEach((path, text) -> {
                if (qualified.matcher(text).find()
                        || STATIC_IMPORT.matcher(text).find() && bare.matcher(text).find()) {
                    where.add(path.getFileName().toString().replaceFirst("\\.java$", ""));
                }
            });
            String files = where.isEmpty() ? "—"
                    : where.stream().map(name -> "`" + name + "`").collect(Collectors.joining(", "));
            out.append("| `").append(code.name()).append("` | ").append(Problems.statusOf(code).value()).append(" | ")
                    .append(code.title()).append(" | ").append(files).append(" |\n");
        }
        return out.toString();
    }

    /** Every main Java source of every module, but the enum itself. */
    static Map<Path, String> mainSources() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> {
                        String unix = path.toString().replace('\\', '/');
                        return unix.contains("/src/main/") && !unix.contains("/target/");
                    })
                    .filter(path -> !path.getFileName().toString().equals("ErrorCode.java"))
                    .collect(Collectors.toMap(path -> path, RulesTableTest::read, (one, other) -> one, TreeMap::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
