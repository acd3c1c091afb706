package ledger.security;

import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import ledger.store.StoreConnection;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
        OAuth2ResourceServerAutoConfiguration.class})
@EnableConfigurationProperties(LedgerSecurityProperties.class)
public class LedgerSecurityAutoConfiguration {

    @Bean
    PasswordEncoder passwordEncoder(LedgerSecurityProperties properties) {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(properties.bcryptStrength());
        if (properties.verifiedCredentialTtl().isZero()) {
            return bcrypt;
        }
        return new VerifiedCredentials(bcrypt, properties.verifiedCredentialTtl(), 10_000);
    }

    @Bean
    UserAccounts userAccounts(MongoClient client, StoreConnection connection) {
        return new UserAccounts(client.getDatabase(connection.database()));
    }

    @Bean
    UserDetailsService ledgerUserDetailsService(UserAccounts accounts) {
        return username -> accounts.find(username).map(LedgerUser::of)
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

    @Bean
    ProblemSecurityHandlers problemSecurityHandlers(ObjectMapper json, LedgerSecurityProperties properties) {
        // not "Basic": a browser would prompt for a password and then send it on its own to any page that asks
        return new ProblemSecurityHandlers(json, properties.jwt().enabled() ? "Bearer realm=\"ledger\""
                : "LedgerBasic realm=\"ledger\"");
    }

    @Bean
    ApiRequestGuard apiRequestGuard(ObjectMapper json, LedgerSecurityProperties properties) {
        return new ApiRequestGuard(json, Set.copyOf(properties.allowedOrigins()),
                properties.maxRequestBody().toBytes());
    }

    /** The guard runs inside each service's security chain, not a second time as a servlet filter. */
    @Bean
    FilterRegistrationBean<ApiRequestGuard> apiRequestGuardRegistration(ApiRequestGuard guard) {
        FilterRegistrationBean<ApiRequestGuard> registration = new FilterRegistrationBean<>(guard);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    LedgerSecurity ledgerSecurity(LedgerSecurityProperties properties, ProblemSecurityHandlers handlers,
                                  ApiRequestGuard guard) {
        return new LedgerSecurity(jwtDecoder(properties.jwt()), handlers, guard);
    }

    @Bean
    WhoAmIController whoAmIController() {
        return new WhoAmIController();
    }

    private static JwtDecoder jwtDecoder(LedgerSecurityProperties.Jwt jwt) {
        if (!jwt.publicKey().isBlank()) {
            return NimbusJwtDecoder.withPublicKey(rsaPublicKey(jwt.publicKey())).build();
        }
        if (!jwt.issuerUri().isBlank()) {
            // resolved on first use, so a service starts even while the issuer is briefly away
            return new SupplierJwtDecoder(() -> JwtDecoders.fromIssuerLocation(jwt.issuerUri()));
        }
        return null;
    }

    static RSAPublicKey rsaPublicKey(String pem) {
        String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalStateException("ledger.security.jwt.public-key is not an RSA public key in PEM form", e);
        }
    }
}
