package ledger.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void the_canonical_form_sorts_keys_and_has_no_whitespace() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("b", List.of(1, 2.5, true));
        value.put("a", Map.of("z", "督查\"通报\"\n", "y", 7L));
        value.put("c", null);
        assertThat(Json.canonical(value)).isEqualTo("{\"a\":{\"y\":7,\"z\":\"督查\\\"通报\\\"\\n\"},\"b\":[1,2.5,true],\"c\":null}");
    }

    @Test
    void numbers_are_written_as_rfc_8785_and_read_back_to_the_same_text() {
        // integers of any size exactly: events hold only integers, and those leaves keep their bytes
        assertThat(Json.canonical(List.of(0.1, 1.0, -0.0, 1e21, new BigDecimal("2.50"), Long.MAX_VALUE)))
                .isEqualTo("[0.1,1,0,1e+21,2.5," + Long.MAX_VALUE + "]");
        String text = Json.canonical(Map.of("x", List.of(0.1, 3, "\u0001\ud800")));
        assertThat(Json.canonical(Json.parse(text))).isEqualTo(text);
    }

    @Test
    void parses_strictly() {
        assertThat(Json.parse(" {\"a\" : [1, \"\\u00e9\"]} ")).isEqualTo(Map.of("a", List.of(1L, "é")));
        for (String bad : Arrays.asList("{\"a\":1,\"a\":2}", "[1,]", "{\"a\":1} x", "[01x]", "\"open", "{a:1}")) {
            assertThatThrownBy(() -> Json.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
