package ledger.store;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * Moves serialized JSON in and out of BSON, so that payloads and metadata are stored as real
 * sub-documents (readable and queryable in any MongoDB tool) rather than opaque strings. Shared with
 * the dead-letter queue, which stores parked events the same way.
 */
public final class BsonJson {

    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();
    private static final String WRAPPER = "v";

    private BsonJson() {
    }

    public static Object toBson(String json) {
        String trimmed = json.strip();
        if (trimmed.startsWith("{")) {
            return Document.parse(trimmed);
        }
        return Document.parse("{\"" + WRAPPER + "\":" + trimmed + "}").get(WRAPPER);
    }

    public static String toJson(Object bson) {
        if (bson instanceof Document document) {
            return document.toJson(RELAXED);
        }
        String wrapped = new Document(WRAPPER, bson).toJson(RELAXED);
        // {"v": <value>}
        int colon = wrapped.indexOf(':');
        return wrapped.substring(colon + 1, wrapped.lastIndexOf('}')).strip();
    }
}
