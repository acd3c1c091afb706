package ledger.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How requests are authenticated. With neither JWT setting, accounts of the embedded user store
 * sign in with HTTP Basic. With an issuer (production) or a public key, only bearer JWTs count.
 */
@ConfigurationProperties("ledger.security")
public record LedgerSecurityProperties(
        @DefaultValue("10") int bcryptStrength,
        @DefaultValue Jwt jwt) {

    public record Jwt(@DefaultValue("") String issuerUri, @DefaultValue("") String publicKey) {

        public boolean enabled() {
            return !issuerUri.isBlank() || !publicKey.isBlank();
        }
    }
}
