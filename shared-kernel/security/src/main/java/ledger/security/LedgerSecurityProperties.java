package ledger.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How requests are authenticated. With neither JWT setting, accounts of the embedded user store
 * sign in with HTTP Basic. With an issuer (production) or a public key, only bearer JWTs count.
 * Requests that change something come only from the service's own origin or an allowed one, and
 * carry at most {@code maxRequestBody} of JSON. A password once checked against its bcrypt hash is
 * trusted for {@code verifiedCredentialTtl} (zero: never), so bcrypt is paid per sign-in, not per request.
 */
@ConfigurationProperties("ledger.security")
public record LedgerSecurityProperties(
        @DefaultValue("10") int bcryptStrength,
        @DefaultValue Jwt jwt,
        @DefaultValue List<String> allowedOrigins,
        @DefaultValue("1MB") DataSize maxRequestBody,
        @DefaultValue("5m") Duration verifiedCredentialTtl) {

    public record Jwt(@DefaultValue("") String issuerUri, @DefaultValue("") String publicKey) {

        public boolean enabled() {
            return !issuerUri.isBlank() || !publicKey.isBlank();
        }
    }
}
