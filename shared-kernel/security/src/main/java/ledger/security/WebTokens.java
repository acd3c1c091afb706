package ledger.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The credential the web application forwards a signed-in person's writes with. The command side
 * issues it when the person signs in with their password, and verifies it itself on every request:
 * the key lives only in the command side's file, so neither the query side nor a database writer can
 * make one. A token names the account and a fingerprint of its password hash, so a password change or
 * reset ends every session signed in before it; a disabled account is refused at once (see
 * {@link WebTokenFilter}).
 */
public final class WebTokens {

    static final String ISSUER = "ledger-command-side";
    private static final String PASSWORD_CLAIM = "pwd";

    private final NimbusJwtEncoder encoder;
    private final JwtDecoder decoder;
    private final Duration lifetime;

    public WebTokens(SecretKey key, Duration lifetime) {
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
        this.decoder = decoder;
        this.lifetime = lifetime;
    }

    /** The key in {@code file}, made (random, owner-only) at first start. */
    public static SecretKey loadOrCreateKey(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                if (file.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                }
                ledger.storeserver.PrivateFiles.write(file, Base64.getEncoder().encodeToString(fresh) + "\n");
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            if (key.length < 32) {
                throw new IllegalStateException(file + " holds a key shorter than 256 bits");
            }
            return new SecretKeySpec(key, "HmacSHA256");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the web sign-in key " + file, e);
        }
    }

    public Issued issue(UserAccount account, Instant now) {
        Instant expiresAt = now.plus(lifetime);
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(ISSUER).subject(account.username()).issuedAt(now)
                .expiresAt(expiresAt).claim(PASSWORD_CLAIM, fingerprint(account.passwordHash())).build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new Issued(token, expiresAt);
    }

    /** The account the token was issued to, if the token is genuine, unexpired and still matches it. */
    public Optional<UserAccount> verify(String token, UserAccounts accounts) {
        Jwt jwt;
        try {
            jwt = decoder.decode(token);
        } catch (JwtException e) {
            return Optional.empty();
        }
        return accounts.find(jwt.getSubject()).filter(UserAccount::enabled)
                .filter(account -> fingerprint(account.passwordHash()).equals(jwt.getClaimAsString(PASSWORD_CLAIM)));
    }

    private static String fingerprint(String passwordHash) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(passwordHash.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Issued(String token, Instant expiresAt) {
    }
}
