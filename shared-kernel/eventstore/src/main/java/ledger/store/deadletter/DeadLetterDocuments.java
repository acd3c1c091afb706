package ledger.store.deadletter;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.function.Supplier;

import ledger.store.BsonJson;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;

/**
 * Letters to documents and back. The event is stored in the shape the event store uses (payload
 * and metadata as sub-documents), plus what made it a tracked or domain event, so that a retried
 * letter reaches the handlers as the same kind of message it first was.
 */
final class DeadLetterDocuments {

    static final String GROUP = "processingGroup";
    static final String SEQUENCE = "sequenceIdentifier";
    static final String INDEX = "sequenceIndex";
    /** The event's global position, beside the token it is read from, so "parked up to a position" is one query. */
    static final String POSITION = "position";
    static final String EVENT_ID = "eventId";
    static final String LAST_TOUCHED = "lastTouched";
    static final String CLAIMED_AT = "claimedAt";
    static final String CLAIMED_BY = "claimedBy";
    static final String CAUSE = "cause";
    static final String DIAGNOSTICS = "diagnostics";

    private final Serializer serializer;
    private final Clock clock;

    DeadLetterDocuments(Serializer serializer, Clock clock) {
        this.serializer = serializer;
        this.clock = clock;
    }

    Document toDocument(String group, String sequence, long index, DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        SerializedObject<String> payload = message.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = message.serializeMetaData(serializer, String.class);
        Document doc = new Document(GROUP, group).append(SEQUENCE, sequence).append(INDEX, index)
                .append(EVENT_ID, message.getIdentifier())
                .append("timestamp", message.getTimestamp().toString())
                .append("payloadType", payload.getType().getName())
                .append("payloadRevision", payload.getType().getRevision())
                .append("payload", BsonJson.toBson(payload.getData()))
                .append("metaData", BsonJson.toBson(metaData.getData()));
        if (message instanceof DomainEventMessage<?> domain) {
            doc.append("aggregateType", domain.getType())
               .append("aggregateId", domain.getAggregateIdentifier())
               .append("aggregateSequence", domain.getSequenceNumber());
        }
        if (message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            SerializedObject<String> token = serializer.serialize(tracked.trackingToken(), String.class);
            doc.append("tokenType", token.getType().getName()).append("token", BsonJson.toBson(token.getData()));
            tracked.trackingToken().position().ifPresent(position -> doc.append(POSITION, position));
        }
        return doc.append(CAUSE, causeDocument(letter.cause().orElse(null)))
                  .append("enqueuedAt", Date.from(letter.enqueuedAt()))
                  .append(LAST_TOUCHED, Date.from(letter.lastTouched()))
                  .append(DIAGNOSTICS, diagnostics(letter.diagnostics()))
                  .append(CLAIMED_AT, null);
    }

    static Document causeDocument(Cause cause) {
        return cause == null ? null : new Document("type", cause.type()).append("message", cause.message());
    }

    Object diagnostics(MetaData diagnostics) {
        return BsonJson.toBson(serializer.serialize(diagnostics == null ? MetaData.emptyInstance() : diagnostics,
                String.class).getData());
    }

    MongoDeadLetter<EventMessage<?>> toLetter(Document doc) {
        Document cause = doc.get(CAUSE, Document.class);
        return new MongoDeadLetter<>(doc.getObjectId("_id"), doc.getString(SEQUENCE), doc.get(INDEX, Number.class).longValue(),
                doc.getString("payloadType"), message(doc),
                cause == null ? null : new ThrowableCause(cause.getString("type"), cause.getString("message")),
                doc.getDate("enqueuedAt").toInstant(), doc.getDate(LAST_TOUCHED).toInstant(),
                serializer.deserialize(new SimpleSerializedObject<>(BsonJson.toJson(doc.get(DIAGNOSTICS)), String.class,
                        MetaData.class.getName(), null)),
                clock);
    }

    /** Payload and metadata stay serialized until a handler asks for them, as when read from the store. */
    private EventMessage<?> message(Document doc) {
        SerializedMessage<?> serialized = new SerializedMessage<>(doc.getString("eventId"),
                new SimpleSerializedObject<>(BsonJson.toJson(doc.get("payload")), String.class,
                        doc.getString("payloadType"), doc.getString("payloadRevision")),
                new SimpleSerializedObject<>(BsonJson.toJson(doc.get("metaData")), String.class,
                        MetaData.class.getName(), null),
                serializer);
        String timestamp = doc.getString("timestamp");
        Supplier<Instant> at = () -> Instant.parse(timestamp);
        String aggregateId = doc.getString("aggregateId");
        TrackingToken token = doc.containsKey("token")
                ? serializer.deserialize(new SimpleSerializedObject<>(BsonJson.toJson(doc.get("token")), String.class,
                        doc.getString("tokenType"), null))
                : null;
        if (aggregateId != null) {
            String type = doc.getString("aggregateType");
            long sequence = doc.get("aggregateSequence", Number.class).longValue();
            return token != null
                    ? new GenericTrackedDomainEventMessage<>(token, type, aggregateId, sequence, serialized, at)
                    : new GenericDomainEventMessage<>(type, aggregateId, sequence, serialized, at);
        }
        return token != null ? new GenericTrackedEventMessage<>(token, serialized, at)
                : new GenericEventMessage<>(serialized, at);
    }
}
