package ledger.command.infrastructure;

import static com.mongodb.client.model.Filters.eq;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import ledger.kernel.shared.ErrorCode;
import ledger.store.StoreConnection;
import ledger.web.Problems;
import org.bson.Document;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on POST: the first request with a key runs and its answer is kept; a
 * retry with the same key and the same body gets that answer again (marked
 * {@code Idempotent-Replayed: true}) without running twice. The same key with another body is
 * refused (422); while the first is still running, 409. Keys are per signed-in person. A 5xx
 * answer is not kept, so the client may retry it.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String COLLECTION = "idempotency_keys";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,128}");
    /** A first request that never finished (its process died) stops blocking retries after this. */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    private final MongoCollection<Document> records;
    private final ObjectMapper json;
    private final Clock clock;

    IdempotencyFilter(MongoClient client, StoreConnection connection, ObjectMapper json, Clock clock) {
        this.records = client.getDatabase(connection.database()).getCollection(COLLECTION);
        this.json = json;
        this.clock = clock;
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
        BufferedRequest buffered = new BufferedRequest(request);
        String id = request.getUserPrincipal().getName() + "|" + key;
        String fingerprint = fingerprint(request, buffered.body);

        Document existing = records.find(eq("_id", id)).first();
        if (existing != null && isAbandoned(existing)) {
            records.deleteOne(eq("_id", id));
            existing = null;
        }
        if (existing == null && !claim(id, fingerprint)) {
            existing = records.find(eq("_id", id)).first();
        }
        if (existing != null) {
            answerFrom(existing, fingerprint, request, response);
            return;
        }

        ContentCachingResponseWrapper recorder = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(buffered, recorder);
        } finally {
            if (recorder.getStatus() >= 500) {
                records.deleteOne(eq("_id", id));
            } else {
                records.replaceOne(eq("_id", id), new Document("_id", id)
                        .append("fingerprint", fingerprint)
                        .append("state", "DONE")
                        .append("status", recorder.getStatus())
                        .append("contentType", recorder.getContentType())
                        .append("location", recorder.getHeader(HttpHeaders.LOCATION))
                        .append("etag", recorder.getHeader(HttpHeaders.ETAG))
                        .append("body", new String(recorder.getContentAsByteArray(), StandardCharsets.UTF_8))
                        .append("at", clock.instant().toString()), new ReplaceOptions());
            }
            recorder.copyBodyToResponse();
        }
    }

    private boolean claim(String id, String fingerprint) {
        try {
            records.insertOne(new Document("_id", id).append("fingerprint", fingerprint).append("state", "RUNNING")
                    .append("at", clock.instant().toString()));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    private boolean isAbandoned(Document record) {
        return "RUNNING".equals(record.getString("state"))
                && Instant.parse(record.getString("at")).plus(ABANDONED_AFTER).isBefore(clock.instant());
    }

    private void answerFrom(Document record, String fingerprint, HttpServletRequest request,
                            HttpServletResponse response) throws IOException {
        if (!fingerprint.equals(record.getString("fingerprint"))) {
            problem(request, response, Problems.of(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was first used for a different request; use a new key"));
            return;
        }
        if (!"DONE".equals(record.getString("state"))) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            problem(request, response, Problems.of(ErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS,
                    ErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS.title()));
            return;
        }
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
        response.setHeader("Idempotent-Replayed", "true");
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

    /** The request with its body read once, so it can be both fingerprinted and handled. */
    private static final class BufferedRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedRequest(HttpServletRequest request) throws IOException {
            super(request);
            this.body = request.getInputStream().readAllBytes();
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }
            };
        }
    }
}
