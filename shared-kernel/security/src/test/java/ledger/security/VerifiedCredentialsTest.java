package ledger.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class VerifiedCredentialsTest {

    private final AtomicInteger bcryptChecks = new AtomicInteger();
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final PasswordEncoder counted = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            bcryptChecks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };

    @Test
    void a_verified_password_is_checked_against_bcrypt_once_while_it_is_remembered() {
        VerifiedCredentials credentials = new VerifiedCredentials(counted, Duration.ofMinutes(5), 100);
        String hash = credentials.encode("秘密-secret");

        assertThat(credentials.matches("秘密-secret", hash)).isTrue();
        assertThat(credentials.matches("秘密-secret", hash)).isTrue();
        assertThat(credentials.matches("秘密-secret", hash)).isTrue();

        assertThat(bcryptChecks).hasValue(1);
    }

    @Test
    void a_wrong_password_pays_bcrypt_every_time_and_is_never_accepted() {
        VerifiedCredentials credentials = new VerifiedCredentials(counted, Duration.ofMinutes(5), 100);
        String hash = credentials.encode("right");
        credentials.matches("right", hash);

        assertThat(credentials.matches("wrong", hash)).isFalse();
        assertThat(credentials.matches("wrong", hash)).isFalse();

        assertThat(bcryptChecks).hasValue(3);
    }

    @Test
    void a_changed_password_hash_is_checked_again_so_the_old_password_no_longer_counts() {
        VerifiedCredentials credentials = new VerifiedCredentials(counted, Duration.ofMinutes(5), 100);
        String before = credentials.encode("old");
        assertThat(credentials.matches("old", before)).isTrue();

        String after = credentials.encode("new");

        assertThat(credentials.matches("old", after)).isFalse();
        assertThat(credentials.matches("new", after)).isTrue();
    }

    @Test
    void nothing_is_remembered_beyond_its_time() {
        VerifiedCredentials credentials = new VerifiedCredentials(counted, Duration.ZERO, 100);
        String hash = credentials.encode("secret");

        credentials.matches("secret", hash);
        credentials.matches("secret", hash);

        assertThat(bcryptChecks).hasValue(2);
    }
}
