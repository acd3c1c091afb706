package ledger.store.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import ledger.evidence.SigningKey;
import ledger.store.CommitGuard.Verdict;
import ledger.store.Fixtures;
import ledger.store.MongoEventStorageEngine;
import ledger.store.MongoEventStorageEngine.LogEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The readers' verdict on a commit: the writer's seal with a published key is genuine; one with a
 * key not published yet is undecided until the key comes or the wait is over, then forged; a key
 * outside the pinned ones is forged at once.
 */
class GenuineCommitsTest {

    private static final Duration WAIT = Duration.ofMinutes(10);

    private final AuditedLog log = new AuditedLog();
    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-02T08:00:00Z"));
    private final SigningKey rotated = SigningKey.generate();

    @AfterEach
    void close() {
        log.close();
    }

    @Test
    void a_commit_sealed_with_a_key_not_yet_published_is_undecided_until_the_key_comes() {
        LogEntry genuine = entries().get(0);
        LogEntry newKey = entries().get(1);
        GenuineCommits guard = new GenuineCommits(log.audit, Set.of(), Notary.HeadKeeper.NONE, clock, WAIT);

        assertThat(guard.judge(genuine)).isEqualTo(Verdict.GENUINE);
        assertThat(guard.judge(newKey)).isEqualTo(Verdict.UNDECIDED);
        clock.advance(WAIT.minusSeconds(1));
        assertThat(guard.judge(newKey)).as("still within the wait").isEqualTo(Verdict.UNDECIDED);

        log.audit.publishKey(rotated.keyId(), rotated.publicKeyPem(), clock.instant());
        assertThat(guard.judge(newKey)).isEqualTo(Verdict.GENUINE);
        assertThat(log.audit.alarms()).isEmpty();
    }

    @Test
    void a_key_nobody_publishes_within_the_wait_makes_the_commit_a_forgery_with_one_alarm() {
        LogEntry newKey = entries().get(1);
        GenuineCommits guard = new GenuineCommits(log.audit, Set.of(), Notary.HeadKeeper.NONE, clock, WAIT);

        assertThat(guard.judge(newKey)).isEqualTo(Verdict.UNDECIDED);
        clock.advance(WAIT);
        assertThat(guard.judge(newKey)).isEqualTo(Verdict.FORGED);
        assertThat(guard.judge(newKey)).isEqualTo(Verdict.FORGED);
        assertThat(log.audit.alarms()).singleElement().satisfies(alarm -> {
            assertThat(alarm.position()).isEqualTo(newKey.position());
            assertThat(alarm.problem()).contains("not a trusted writer's key");
        });
    }

    @Test
    void with_pinned_keys_a_key_outside_them_is_a_forgery_at_once_and_an_unsealed_commit_always() {
        LogEntry newKey = entries().get(1);
        GenuineCommits pinned = new GenuineCommits(log.audit, Set.of(log.key.keyId()), Notary.HeadKeeper.NONE, clock,
                WAIT);
        assertThat(pinned.judge(newKey)).isEqualTo(Verdict.FORGED);

        MongoEventStorageEngine unsealed = log.store.engineBuilder(log.client).build();
        unsealed.appendEvents(List.of(Fixtures.noted("notebook-c", 0)));
        GenuineCommits open = new GenuineCommits(log.audit, Set.of(), Notary.HeadKeeper.NONE, clock, WAIT);
        assertThat(open.judge(entries().get(2))).as("no seal at all").isEqualTo(Verdict.FORGED);
    }

    /** One commit sealed with the notary's published key, one sealed with a key nobody published yet. */
    private List<LogEntry> entries() {
        if (log.engine.lastReservedPosition() == 0) {
            log.append("notebook-a", 1);
            log.store.engineBuilder(log.client).sealer(new CommitSeals(rotated, Clock.systemUTC())).build()
                    .appendEvents(List.of(Fixtures.noted("notebook-b", 0)));
        }
        return log.engine.readSettled(1, 10);
    }

    private static final class SettableClock extends Clock {
        private Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
