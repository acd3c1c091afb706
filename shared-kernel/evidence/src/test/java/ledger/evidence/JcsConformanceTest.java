package ledger.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;

/** The canonical form is RFC 8785: an independent JCS implementation writes the same text. */
class JcsConformanceTest {

    private static String jcs(String json) throws IOException {
        return new JsonCanonicalizer(json).getEncodedString();
    }

    @Test
    void numbers_are_written_as_ecmascript_writes_them() throws IOException {
        double[] edges = {0.1, -0.0, 1e21, 1e20, 1e-6, 1e-7, 123456789012345680000.0, 5e-324, Double.MIN_NORMAL,
                Double.MAX_VALUE, 4.35, 0.000001234, 333333333.33333329, 1424953923781206.2, -1.5, 100, 9007199254740992.0,
                2.0 / 3, 1e300 * 10, 295147905179352830000.0};
        for (double d : edges) {
            assertThat(Json.canonical(List.of(d))).as("%s", d).isEqualTo(jcs("[" + Double.toString(d) + "]"));
        }
        assertThat(Json.canonical(List.of(1e21, -0.0, 0.1))).isEqualTo("[1e+21,0,0.1]");
    }

    @Test
    void any_double_reads_as_jcs_writes_it() throws IOException {
        SplittableRandom random = new SplittableRandom(8785);
        List<Double> doubles = new ArrayList<>();
        while (doubles.size() < 20_000) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(d)) {
                doubles.add(d);
            }
        }
        for (int i = 0; i < 5_000; i++) {
            doubles.add(random.nextInt(1_000_000) / 100.0); // scores and amounts with two decimals
        }
        StringBuilder input = new StringBuilder("[");
        doubles.forEach(d -> input.append(input.length() > 1 ? "," : "").append(Double.toString(d)));

        assertThat(Json.canonical(doubles)).isEqualTo(jcs(input.append(']').toString()));
    }

    @Test
    void keys_sort_by_utf16_code_units_and_strings_escape_as_jcs_does() throws IOException {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("\u20ac", "Euro Sign");
        value.put("\r", "Carriage Return");
        value.put("\ufb33", "Hebrew Letter Dalet With Dagesh");
        value.put("1", "One");
        value.put("\ud83d\ude00", "Emoji: Grinning Face 😀");
        value.put("\u0080", "Control\u0001\u001f\u007f\b\t\n\f\r\"\\/");
        value.put("\u00f6", "Latin Small Letter O With Diaeresis 督查台账");
        value.put("nested", Map.of("b", List.of(1, 2L, true, false), "a", Map.of()));
        value.put("", List.of());

        String canonical = Json.canonical(value);

        assertThat(canonical).isEqualTo(jcs(Json.pretty(value)));
        assertThat(canonical).startsWith("{\"\":[],\"\\r\":\"Carriage Return\",\"1\":\"One\",")
                .endsWith("\"\ud83d\ude00\":\"Emoji: Grinning Face 😀\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void parsed_documents_come_back_in_jcs_form() throws IOException {
        String text = "{ \"b\": [1E21, -0, 0.10, 1e-7, 12.50e1], \"a\": \"\\u00e9\\u0007\" }";

        assertThat(Json.canonical(Json.parse(text))).isEqualTo(jcs(text)).isEqualTo("{\"a\":\"é\\u0007\",\"b\":[1e+21,0,0.1,1e-7,125]}");
    }
}
