package ledger.store.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ledger.evidence.Json;
import ledger.store.MongoEventStorageEngine;
import ledger.store.MongoEventStorageEngine.LogEntry;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * The canonical text of a log entry, the bytes a leaf hashes: the stored event sub-document with
 * every field (position, ids, aggregate and sequence, time, type and revision, payload, metadata),
 * or for a void position {@code {"at","position","void"}}. Types Jackson never writes are kept
 * with a tag, so even an odd document has one text.
 */
public final class CanonicalEntries {

    private CanonicalEntries() {
    }

    /** The canonical text, or null when the document owning the position holds no event there. */
    public static String of(LogEntry entry) {
        if (entry.isVoid()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("position", entry.position());
            v.put("void", plain(entry.owner().get(MongoEventStorageEngine.VOID)));
            v.put("at", plain(entry.owner().get("at")));
            return Json.canonical(v);
        }
        return entry.event() == null ? null : Json.canonical(plain(entry.event()));
    }

    private static Object plain(Object bson) {
        if (bson == null || bson instanceof String || bson instanceof Boolean || bson instanceof Integer
                || bson instanceof Long || bson instanceof Double) {
            return bson;
        }
        if (bson instanceof Map<?, ?> map) {
            Map<String, Object> plain = new LinkedHashMap<>();
            map.forEach((k, v) -> plain.put(String.valueOf(k), plain(v)));
            return plain;
        }
        if (bson instanceof Collection<?> list) {
            List<Object> plain = new ArrayList<>(list.size());
            list.forEach(v -> plain.add(plain(v)));
            return plain;
        }
        if (bson instanceof Decimal128 d) {
            return d.isNaN() || d.isInfinite() ? tagged("$numberDecimal", d.toString()) : (Object) new BigDecimal(d.toString());
        }
        if (bson instanceof Date d) {
            return tagged("$date", d.toInstant().toString());
        }
        if (bson instanceof ObjectId id) {
            return tagged("$oid", id.toHexString());
        }
        if (bson instanceof Binary b) {
            return tagged("$binary", Base64.getEncoder().encodeToString(b.getData()));
        }
        return tagged("$" + bson.getClass().getSimpleName(), bson.toString());
    }

    private static Map<String, Object> tagged(String tag, String value) {
        return Map.of(tag, value);
    }
}
