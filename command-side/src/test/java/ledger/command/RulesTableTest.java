package ledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import ledger.kernel.shared.ErrorCode;
import org.junit.jupiter.api.Test;

/**
 * The README's rules table names every error code a client can get, with its rule and its home.
 * Regenerate it with {@code python3 docs/tools/rules_table.py .} from the repository root.
 */
class RulesTableTest {

    @Test
    void the_readme_rules_table_lists_every_error_code_with_its_title() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String table = readme.substring(readme.indexOf("## Rules: error code"), readme.indexOf("## Layout"));
        assertThat(Arrays.stream(ErrorCode.values()))
                .allSatisfy(code -> assertThat(table).contains("| `" + code.name() + "` |")
                        .contains("| " + code.title() + " |"));
    }
}
