package ledger.kernel.shared;

/** Keys of the metadata every stored event carries: who did it, in which role, why, and what caused it. */
public final class MetadataKeys {

    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_ROLE = "actorRole";
    public static final String ACTOR_UNIT = "actorUnit";
    /** The account the actor signed in with (absent for the system's own commands). */
    public static final String ACTOR_ACCOUNT = "actorAccount";
    public static final String REASON = "reason";
    /** The id of the first message of the chain (the HTTP request's command). */
    public static final String CORRELATION_ID = "correlationId";
    /** The id of the message that directly caused this one. */
    public static final String CAUSATION_ID = "causationId";
    /**
     * The commit key of a request sent with an {@code Idempotency-Key}: a hash of the person and
     * their key, and the number of the command within the request. Only the events a command
     * causes directly carry it (not the commands and events further down the chain); the store
     * keeps it unique, so the commit is the proof that the request ran, and it runs once.
     */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";

    private MetadataKeys() {
    }
}
