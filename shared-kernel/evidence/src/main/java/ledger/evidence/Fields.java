package ledger.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading fields of parsed JSON with errors that say which field is wrong. */
final class Fields {

    private Fields() {
    }

    static Map<?, ?> object(Object json, String what) {
        if (json instanceof Map<?, ?> map) {
            return map;
        }
        throw new IllegalArgumentException(what + " is not a JSON object");
    }

    static String text(Map<?, ?> map, String field) {
        if (map.get(field) instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("field \"" + field + "\" is missing or not a string");
    }

    static long number(Map<?, ?> map, String field) {
        if (map.get(field) instanceof Long n) {
            return n;
        }
        if (map.get(field) instanceof Integer n) {
            return n;
        }
        throw new IllegalArgumentException("field \"" + field + "\" is missing or not an integer");
    }

    /** A list of hex-encoded hashes (proofs). */
    static List<byte[]> hashes(Map<?, ?> map, String field) {
        List<byte[]> hashes = new ArrayList<>();
        for (Object hash : list(map, field)) {
            if (!(hash instanceof String hex)) {
                throw new IllegalArgumentException("field \"" + field + "\" holds hex strings");
            }
            hashes.add(Merkle.unhex(hex));
        }
        return hashes;
    }

    static List<?> list(Map<?, ?> map, String field) {
        if (map.get(field) instanceof List<?> list) {
            return list;
        }
        throw new IllegalArgumentException("field \"" + field + "\" is missing or not an array");
    }
}
