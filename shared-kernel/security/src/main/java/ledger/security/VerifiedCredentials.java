package ledger.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Pays bcrypt once per credential instead of once per request: an API client sending HTTP Basic on
 * every call would otherwise spend most of each request re-checking the same hash.
 * <p>
 * Only a successful check is remembered, keyed by a keyed hash (HMAC with a key that lives in this
 * process only) of the stored hash and the presented password, for a short while. A wrong password
 * is never remembered, so guessing still costs bcrypt each time. A changed or reset password changes
 * the stored hash and so misses the cache at once; disabling an account or changing its role needs no
 * eviction, because the account itself is read from the store on every request.
 */
public final class VerifiedCredentials implements PasswordEncoder {

    private final PasswordEncoder hashes;
    private final Cache<String, Boolean> verified;
    private final SecretKeySpec key;

    public VerifiedCredentials(PasswordEncoder hashes, Duration remembered, long maximumCredentials) {
        this.hashes = hashes;
        this.verified = Caffeine.newBuilder().expireAfterWrite(remembered).maximumSize(maximumCredentials).build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return hashes.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return hashes.matches(rawPassword, encodedPassword);
        }
        String credential = fingerprint(rawPassword, encodedPassword);
        if (verified.getIfPresent(credential) != null) {
            return true;
        }
        boolean matches = hashes.matches(rawPassword, encodedPassword);
        if (matches) {
            verified.put(credential, Boolean.TRUE);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return hashes.upgradeEncoding(encodedPassword);
    }

    private String fingerprint(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
