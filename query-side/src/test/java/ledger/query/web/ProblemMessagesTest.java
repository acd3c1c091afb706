package ledger.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;

import ledger.kernel.shared.ErrorCode;
import org.junit.jupiter.api.Test;

/** Every refusal a person can meet has a Chinese sentence, and both languages have the same page texts. */
class ProblemMessagesTest {

    private static Properties bundle(String name) throws Exception {
        Properties properties = new Properties();
        try (var in = ProblemMessagesTest.class.getResourceAsStream("/i18n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void every_error_code_has_a_chinese_sentence() throws Exception {
        Properties problems = bundle("problems.properties");
        assertThat(Arrays.stream(ErrorCode.values()).map(code -> "problem." + code.name())
                .filter(key -> !problems.containsKey(key))).as("codes without a sentence").isEmpty();
        assertThat(problems.values()).allSatisfy(text -> assertThat(text.toString()).containsPattern("\\p{IsHan}"));
    }

    @Test
    void english_has_every_text_chinese_has() throws Exception {
        assertThat(bundle("messages_en.properties").keySet()).containsExactlyInAnyOrderElementsOf(
                bundle("messages.properties").keySet());
    }
}
