package ledger.command.infrastructure;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import ledger.kernel.shared.ErrorCode;
import ledger.web.BufferedBodyRequest;
import ledger.web.Problems;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on POST: the first request with a key runs and its answer is kept; a
 * retry with the same key and the same body gets that answer again (marked
 * {@code Idempotent-Replayed: true}) without running twice. The same key with another body is
 * refused (422); while the first is still running in this process, 409. Keys are per signed-in
 * person.
 * <p>
 * The kept answer is a convenience; the proof is in the event store. Each command the request
 * sends carries the request's key into its commit, which the store keeps unique (see
 * {@link RequestIdempotency}, {@link CommandSender}). So when the process dies after the commit and
 * before the answer is kept, the key stays {@code RUNNING} with no request behind it: a retry takes
 * it over and runs the request again, and the command finds its commit and answers with it, the
 * first run's answer, storing nothing. A run again while the first still runs in another instance
 * is just as safe: only one of them can commit, and the other answers with that commit.
 * <p>
 * A 5xx answer is not kept, so a retry runs again. Every failure of the store here answers 503
 * {@code STORE_UNAVAILABLE} with {@code Retry-After}, also after the command was stored (its answer
 * could not be kept): the retry with the same key then answers what was stored.
 * <p>
 * A key is remembered for the retention ({@link IdempotencyRetention}) after its answer was kept,
 * and all the while its request runs (the run renews it); then it is forgotten, and a request with it is a new request. The commits its runs made
 * keep their commit keys, but those were made from the key's generation (a random id given when
 * the key was first used, kept while it is remembered), so the new generation's commands find
 * none of them and are stored as new.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    static final String COLLECTION = "idempotency_keys";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,128}");

    private final MongoCollection<Document> records;
    private final ObjectMapper json;
    private final IdempotencyRetention retention;
    /** The keys whose first request runs in this process now. */
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    /** Tests only: runs after the request was handled and before its answer is kept. */
    private volatile BiConsumer<HttpServletRequest, ContentCachingResponseWrapper> beforeKeeping = (r, a) -> {
    };

    IdempotencyFilter(ObjectMapper json, IdempotencyRetention retention) {
        this.records = retention.records();
        this.json = json;
        this.retention = retention;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // account requests carry a password or answer with one: neither is ever kept here
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || request.getUserPrincipal() == null || request.getRequestURI().startsWith("/api/accounts");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!KEY.matcher(key).matches()) {
            problem(request, response, Problems.invalid("Idempotency-Key must be 1-128 visible ASCII characters",
                    java.util.List.of(new Problems.FieldError(HEADER, "must be 1-128 visible ASCII characters"))));
            return;
        }
        // the body is within the request guard's limit, checked before sign-in
        BufferedBodyRequest buffered = new BufferedBodyRequest(request, request.getInputStream().readAllBytes());
        String person = request.getUserPrincipal().getName();
        String id = person + "|" + key;
        String fingerprint = fingerprint(request, buffered.body());
        if (!running.add(id)) {
            inProgress(request, response);
            return;
        }
        try {
            String owner = UUID.randomUUID().toString();
            Claim claim;
            try {
                claim = claim(id, fingerprint, owner);
            } catch (MongoException e) {
                storeFailed(request, response, e, "before the request ran; nothing was stored");
                return;
            }
            Document existing = claim.decidedBy();
            if (existing != null) {
                if (!fingerprint.equals(existing.getString("fingerprint"))) {
                    problem(request, response, Problems.of(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                            "This Idempotency-Key was first used for a different request; use a new key"));
                } else if ("DONE".equals(existing.getString("state"))) {
                    answerFrom(existing, response);
                } else {
                    inProgress(request, response); // another instance claimed it, or took it over, just now
                }
                return;
            }
            buffered.setAttribute(RequestIdempotency.ATTRIBUTE, new RequestIdempotency(person, key, claim.generation()));
            retention.hold(id, owner);
            try {
                run(id, fingerprint, owner, claim.generation(), buffered, response, chain);
            } finally {
                retention.release(id);
            }
        } finally {
            running.remove(id);
        }
    }

    /**
     * The key's run by {@code owner}, or the record that decides the request instead.
     *
     * @param generation the key's use this run belongs to: made when the key is first used (or
     *                   first used again after it expired), kept by every retry while it is
     *                   remembered, and part of every commit key and id the run makes. So a
     *                   retry finds the first run's commits, and a key used again after the
     *                   retention is a new request ({@code null}: a record from before there were
     *                   generations)
     * @param decidedBy  a kept answer, or a record with another body, or one another request runs
     */
    private record Claim(String generation, Document decidedBy) {
    }

    /**
     * Makes {@code owner} the runner of the key, or answers the record that decides the request
     * instead. A key still {@code RUNNING} runs in no request of this process ({@link #running}):
     * its process died, or the request failed (5xx), or it runs in another instance; it is taken
     * over. A record older than the retention is forgotten.
     */
    private Claim claim(String id, String fingerprint, String owner) {
        Document existing = records.find(eq("_id", id)).first();
        if (existing != null && retention.expired(existing)) {
            // of two requests that find it expired, one removes it and the other meets its new record
            records.deleteOne(and(eq("_id", id), eq("at", existing.get("at"))));
            existing = null;
        }
        if (existing == null) {
            String generation = UUID.randomUUID().toString();
            try {
                records.insertOne(new Document("_id", id).append("fingerprint", fingerprint).append("state", "RUNNING")
                        .append("owner", owner).append("generation", generation).append("at", retention.now()));
                return new Claim(generation, null);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                // a request of another instance claimed it this moment: it runs
                Document claimed = records.find(eq("_id", id)).first();
                if (claimed == null) {
                    throw e;
                }
                return new Claim(null, claimed);
            }
        }
        if (!"RUNNING".equals(existing.getString("state")) || !fingerprint.equals(existing.getString("fingerprint"))) {
            return new Claim(null, existing);
        }
        // only one retry takes a key over: the one whose update still finds the owner it read
        boolean takenOver = records.updateOne(and(eq("_id", id), eq("state", "RUNNING"),
                        eq("owner", existing.getString("owner"))),
                Updates.combine(Updates.set("owner", owner), Updates.set("at", retention.now())))
                .getMatchedCount() == 1;
        if (takenOver) {
            log.info("Idempotency-Key {} was left running (its process died, or it failed); running it again",
                    existing.get("_id"));
            return new Claim(existing.getString("generation"), null);
        }
        Document now = records.find(eq("_id", id)).first();
        return new Claim(null, now != null ? now : existing);
    }

    private void run(String id, String fingerprint, String owner, String generation, BufferedBodyRequest request,
                     HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        ContentCachingResponseWrapper recorder = new ContentCachingResponseWrapper(response);
        // an exception leaves the key RUNNING: a retry runs it again
        chain.doFilter(request, recorder);
        RequestIdempotency idempotency = (RequestIdempotency) request.getAttribute(RequestIdempotency.ATTRIBUTE);
        if (idempotency.replayed()) {
            recorder.setHeader(REPLAYED, "true");
        }
        if (recorder.getStatus() < 500) {
            try {
                beforeKeeping.accept(request, recorder);
                keep(id, fingerprint, owner, generation, recorder);
            } catch (MongoException e) {
                response.reset();
                storeFailed(request, response, e, "after the request ran, so its answer could not be kept");
                return;
            }
        }
        recorder.copyBodyToResponse();
    }

    /**
     * Keeps the answer, unless a retry took the key over meanwhile (it keeps its own, the same).
     * A record removed while the request ran (its renewal failed for longer than the retention)
     * is written again: the run's commits carry its generation, so only this answer fits them.
     */
    private void keep(String id, String fingerprint, String owner, String generation,
                      ContentCachingResponseWrapper answer) {
        try {
            replace(id, fingerprint, owner, generation, answer);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            log.info("Idempotency-Key {} was taken over while it ran; the run that took it keeps its answer", id);
        }
    }

    private void replace(String id, String fingerprint, String owner, String generation,
                         ContentCachingResponseWrapper answer) {
        records.replaceOne(and(eq("_id", id), eq("owner", owner)), new Document("_id", id)
                .append("fingerprint", fingerprint)
                .append("generation", generation)
                .append("state", "DONE")
                .append("status", answer.getStatus())
                .append("contentType", answer.getContentType())
                .append("location", answer.getHeader(HttpHeaders.LOCATION))
                .append("etag", answer.getHeader(HttpHeaders.ETAG))
                .append("body", new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8))
                .append("owner", owner)
                .append("at", retention.now()), new ReplaceOptions().upsert(true));
    }

    /** Package-private for tests: a fault (a crash, a store failure) between handling and keeping. */
    void beforeKeeping(BiConsumer<HttpServletRequest, ContentCachingResponseWrapper> hook) {
        this.beforeKeeping = hook == null ? (r, a) -> {
        } : hook;
    }

    private void inProgress(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        problem(request, response, Problems.of(ErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS,
                ErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS.title()));
    }

    private void storeFailed(HttpServletRequest request, HttpServletResponse response, MongoException e, String when)
            throws IOException {
        log.warn("The store failed {} {} {}", when, request.getMethod(), request.getRequestURI(), e);
        problem(request, response, Problems.of(ErrorCode.STORE_UNAVAILABLE, "The store failed " + when
                + ". Retry with the same Idempotency-Key: the retry answers what was stored and never stores twice"));
    }

    private void answerFrom(Document record, HttpServletResponse response) throws IOException {
        response.setStatus(record.getInteger("status"));
        if (record.getString("contentType") != null) {
            response.setContentType(record.getString("contentType"));
        }
        if (record.getString("location") != null) {
            response.setHeader(HttpHeaders.LOCATION, record.getString("location"));
        }
        if (record.getString("etag") != null) {
            response.setHeader(HttpHeaders.ETAG, record.getString("etag"));
        }
        response.setHeader(REPLAYED, "true");
        response.getOutputStream().write(record.getString("body").getBytes(StandardCharsets.UTF_8));
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        Problems.write(problem, request, response, json);
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
