package ledger.store.audit;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import ledger.evidence.Merkle;
import ledger.evidence.Seal;
import ledger.evidence.SigningKey;
import ledger.store.CommitSealer;
import ledger.store.MongoEventStorageEngine;
import ledger.store.MongoEventStorageEngine.LogEntry;
import org.bson.Document;

/**
 * The writer's seals: at write time, a signature over the commit's positions and the leaf hashes
 * of its canonical entries ({@link Seal}), stored in the document as {@code seal: {keyId,
 * writtenAt, signature}}; the leaves are not stored, they are recomputed from the document as it
 * is read, so a changed entry no longer matches its seal.
 */
public final class CommitSeals implements CommitSealer {

    private final SigningKey key;
    private final Clock clock;

    public CommitSeals(SigningKey key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    @Override
    public Document seal(Document owner) {
        List<byte[]> leaves = leaves(owner);
        Seal seal = key.seal(firstPosition(owner), leaves, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        return new Document("keyId", seal.keyId()).append("writtenAt", seal.writtenAt().toString())
                .append("signature", Base64.getEncoder().encodeToString(seal.signature()));
    }

    /** The seal stored in a commit or void, over the leaves its document hashes to now; empty when it has none. */
    public static Optional<Seal> stored(Document owner) {
        if (!(owner.get(MongoEventStorageEngine.SEAL) instanceof Document seal)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Seal(seal.getString("keyId"), Instant.parse(seal.getString("writtenAt")),
                    firstPosition(owner), leaves(owner), Base64.getDecoder().decode(seal.getString("signature"))));
        } catch (RuntimeException malformed) {
            return Optional.empty(); // a seal that cannot even be read is no seal
        }
    }

    /**
     * What is wrong with the seal of the entry's document, if anything. An entry before
     * {@code sealedFrom} (written before seals existed) and a void (it holds no event; a reader
     * without the key may record one) may be unsealed; a seal that is there is always checked.
     *
     * @param keys the public key of a trusted key id, empty for a key not trusted
     */
    public static Optional<String> problem(LogEntry entry, long sealedFrom, Function<String, Optional<PublicKey>> keys) {
        return problem(entry, stored(entry.owner()), sealedFrom, keys);
    }

    /** The same, for a caller that has read the entry's seal already (reading it hashes every leaf). */
    public static Optional<String> problem(LogEntry entry, Optional<Seal> seal, long sealedFrom,
                                           Function<String, Optional<PublicKey>> keys) {
        if (seal.isEmpty()) {
            boolean required = entry.position() >= sealedFrom && !entry.isVoid();
            return required ? Optional.of("position " + entry.position() + " carries no valid seal of the writer, although "
                    + "every entry from position " + sealedFrom + " on is sealed when the command side writes it: "
                    + "it was put into the database by someone else (a forgery)") : Optional.empty();
        }
        Optional<PublicKey> key = keys.apply(seal.get().keyId());
        if (key.isEmpty()) {
            return Optional.of("position " + entry.position() + " is sealed with key " + seal.get().keyId()
                    + ", which is not a trusted writer's key (a forgery)");
        }
        return SigningKey.verify(seal.get(), key.get()) ? Optional.empty()
                : Optional.of("the seal of position " + entry.position() + " does not match what its document holds: "
                        + "the commit was changed or forged after the writer sealed it");
    }

    private static long firstPosition(Document owner) {
        return ((Number) owner.getList("positions", Object.class).get(0)).longValue();
    }

    /** The leaf hash of every position the document owns, in order; a position it holds no event for hashes its absence. */
    private static List<byte[]> leaves(Document owner) {
        List<Object> positions = owner.getList("positions", Object.class);
        List<byte[]> leaves = new ArrayList<>(positions.size());
        for (Object p : positions) {
            long position = ((Number) p).longValue();
            String canonical = CanonicalEntries.of(new LogEntry(position, owner, MongoEventStorageEngine.eventAt(owner, position)));
            leaves.add(Merkle.leafHash(canonical == null ? "" : canonical));
        }
        return leaves;
    }
}
