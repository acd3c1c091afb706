package ledger.store.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import ledger.evidence.Checkpoint;
import ledger.evidence.Seal;
import ledger.evidence.SigningKey;
import ledger.store.CommitGuard;
import ledger.store.MongoEventStorageEngine.LogEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a commit is what the command side wrote, for the query side's readers: its seal
 * ({@link CommitSeals#problem}) checked with a trusted key (pinned ids, else the published keys),
 * required from the position seals start at. A commit without a valid seal is never handed to a
 * view; it raises a TAMPER ALARM, kept in {@code audit_alarms}, once per position however many
 * processors read it and however often. A commit sealed with a key that is not published yet is
 * neither: the readers wait before it ({@link Verdict#UNDECIDED}) until the key comes, up to a bound.
 * <p>
 * Where seals start ({@code sealedFrom}): as the latest chained checkpoint signed with a trusted
 * key states it, else as the notary's head says (where this service can read it), else strictly
 * (after the last unchained checkpoint, or from position 1): the same rule as {@link LogVerifier}.
 */
public final class GenuineCommits implements CommitGuard {

    private static final Logger log = LoggerFactory.getLogger(GenuineCommits.class);
    // seals already verified, by signature: a commit read again by another processor, or on a
    // replay, costs its leaf hashes but not a second Ed25519 verification
    private static final int REMEMBERED_SEALS = 20_000;

    private final AuditStore store;
    private final Set<String> trustedKeyIds;
    private final Notary.HeadKeeper notaryHead;
    private final Clock clock;
    private final Map<String, Optional<PublicKey>> keys = new ConcurrentHashMap<>();
    private final Set<Long> alarmed = ConcurrentHashMap.newKeySet();
    private final Duration keyWait;
    private final Map<Long, Instant> awaitingSince = new ConcurrentHashMap<>();
    private final Map<String, byte[]> verified = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > REMEMBERED_SEALS;
        }
    };
    private volatile Long chainedSealedFrom;

    /**
     * @param trustedKeyIds the pinned key ids (empty: the keys the store publishes)
     * @param notaryHead    the head the notary keeps beside its key, read only; NONE where it is not reachable
     */
    public GenuineCommits(AuditStore store, Set<String> trustedKeyIds, Notary.HeadKeeper notaryHead, Clock clock) {
        this(store, trustedKeyIds, notaryHead, clock, Duration.ZERO);
    }

    /** @param keyWait how long a commit sealed with a key not published yet is waited for before it counts as forged */
    public GenuineCommits(AuditStore store, Set<String> trustedKeyIds, Notary.HeadKeeper notaryHead, Clock clock,
                          Duration keyWait) {
        this.keyWait = keyWait;
        this.store = store;
        this.trustedKeyIds = Set.copyOf(trustedKeyIds);
        this.notaryHead = notaryHead;
        this.clock = clock;
    }

    @Override
    public Verdict judge(LogEntry entry) {
        Optional<Seal> seal = CommitSeals.stored(entry.owner());
        if (seal.isPresent() && awaitingKey(entry.position(), seal.get().keyId())) {
            return Verdict.UNDECIDED;
        }
        Optional<String> problem = problem(entry, seal);
        if (problem.isEmpty()) {
            return Verdict.GENUINE;
        }
        if (alarmed.add(entry.position())) {
            String alarm = problem.get() + "; the views do not show it";
            log.error("TAMPER ALARM: {}", alarm);
            try {
                store.raiseAlarm(entry.position(), alarm, clock.instant());
            } catch (RuntimeException unrecorded) {
                alarmed.remove(entry.position()); // raised again at the next read
                log.error("The tamper alarm could not be recorded in {}: {}", AuditStore.ALARMS, unrecorded.toString());
            }
        }
        return Verdict.FORGED;
    }

    /**
     * Whether a seal's key may still be published: a key id that could be trusted (pinned, or any
     * when none are) but is not in the store yet (the writer publishes its key as it starts, a new
     * key after a rotation), for up to {@code keyWait} from when this reader first met the commit.
     * After that the seal is judged as it stands: a key nobody published is no writer's key.
     */
    private boolean awaitingKey(long position, String keyId) {
        if (key(keyId).isPresent() || !trustedKeyIds.isEmpty() && !trustedKeyIds.contains(keyId)) {
            awaitingSince.remove(position);
            return false;
        }
        Instant now = clock.instant();
        Instant since = awaitingSince.computeIfAbsent(position, p -> now);
        if (now.isBefore(since.plus(keyWait))) {
            if (since.equals(now)) {
                log.warn("Position {} is sealed with key {}, which is not published (yet): the views wait for it up to {}",
                        position, keyId, keyWait);
            }
            return true;
        }
        return false; // kept: the wait is over for good, however often the commit is read again
    }

    /** What is wrong with the commit that owns this entry, if anything. */
    public Optional<String> problem(LogEntry entry) {
        return problem(entry, CommitSeals.stored(entry.owner()));
    }

    private Optional<String> problem(LogEntry entry, Optional<Seal> seal) {
        String signature = seal.map(s -> Base64.getEncoder().encodeToString(s.signature())).orElse(null);
        byte[] signed = seal.map(s -> sha256(s.signedBytes())).orElse(null);
        if (signature != null && Arrays.equals(remembered(signature), signed)) {
            return Optional.empty();
        }
        Optional<String> problem = CommitSeals.problem(entry, seal, seal.isPresent() ? Long.MAX_VALUE : sealedFrom(),
                this::key);
        if (problem.isEmpty() && signature != null) {
            synchronized (verified) {
                verified.put(signature, signed);
            }
        }
        return problem;
    }

    private byte[] remembered(String signature) {
        synchronized (verified) {
            return verified.get(signature);
        }
    }

    /** Read when an unsealed entry is met (rare); kept once a chained checkpoint states it, since the chain never changes it. */
    private long sealedFrom() {
        Long known = chainedSealedFrom;
        if (known != null) {
            return known;
        }
        List<Checkpoint> checkpoints = store.checkpoints().stream()
                .filter(c -> key(c.keyId()).filter(k -> SigningKey.verify(c, k)).isPresent()).toList();
        Optional<Checkpoint> chained = checkpoints.stream().filter(Checkpoint::chained).reduce((a, b) -> b);
        chained.ifPresent(c -> chainedSealedFrom = c.sealedFrom());
        return sealedFrom(checkpoints, readHead());
    }

    /**
     * The first position that must be sealed, from verified checkpoints (smallest first) and the
     * notary's head: the latest chained checkpoint's, else the head's, else after the last checkpoint.
     */
    static long sealedFrom(List<Checkpoint> checkpoints, Optional<Notary.Head> head) {
        Checkpoint last = checkpoints.isEmpty() ? null : checkpoints.get(checkpoints.size() - 1);
        return checkpoints.stream().filter(Checkpoint::chained).reduce((a, b) -> b).map(Checkpoint::sealedFrom)
                .or(() -> head.map(Notary.Head::sealedFrom))
                .orElse(last == null ? 1 : last.treeSize() + 1);
    }

    private Optional<Notary.Head> readHead() {
        try {
            return notaryHead.read();
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** Kept once found; a key not (yet) published is looked up again next time. */
    private Optional<PublicKey> key(String keyId) {
        Optional<PublicKey> known = keys.get(keyId);
        if (known != null) {
            return known;
        }
        Optional<PublicKey> found = trustedKey(store, trustedKeyIds, keyId);
        found.ifPresent(k -> keys.put(keyId, found));
        return found;
    }

    /** The public key of a key id: one of the trusted ids when they are pinned, and published. */
    static Optional<PublicKey> trustedKey(AuditStore store, Set<String> trustedKeyIds, String keyId) {
        if (!trustedKeyIds.isEmpty() && !trustedKeyIds.contains(keyId)) {
            return Optional.empty();
        }
        return store.publicKeyPem(keyId).map(SigningKey::publicKeyFromPem).filter(k -> SigningKey.keyId(k).equals(keyId));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
