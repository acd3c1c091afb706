package ledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Production sign-in: bearer JWTs from the bureau's identity provider; Basic no longer counts. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.store.embedded-persistent=false")
class JwtSignInTest {

    static final KeyPair KEYS = generate();
    static final KeyPair OTHER_KEYS = generate();

    @Autowired
    TestRestTemplate http;

    @DynamicPropertySource
    static void jwt(DynamicPropertyRegistry registry) {
        registry.add("ledger.security.jwt.public-key", () -> "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(KEYS.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----");
    }

    @Test
    void a_signed_token_names_the_actor_and_its_role_decides() {
        String staff = token(KEYS, "cadre-7", List.of("UNIT_STAFF"), "urban-renewal");

        ResponseEntity<String> me = get("/api/me", staff);
        assertThat(me.getStatusCode().value()).as(me.getHeaders() + " " + me.getBody()).isEqualTo(200);
        assertThat(me.getBody()).contains("\"personId\":\"cadre-7\"", "\"unitId\":\"urban-renewal\"");
        assertThat(get("/api/ledger/2026-03", staff).getStatusCode().value()).isEqualTo(200);
        assertThat(get("/api/ledger/2026-03", token(KEYS, "client-1", List.of("API_CLIENT"), null))
                .getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void a_token_signed_by_another_key_or_no_token_is_401() {
        ResponseEntity<String> forged = get("/api/me", token(OTHER_KEYS, "cadre-7", List.of("BUREAU_LEADER"), null));
        assertThat(forged.getStatusCode().value()).isEqualTo(401);

        ResponseEntity<String> none = http.getForEntity("/api/me", String.class);
        assertThat(none.getStatusCode().value()).isEqualTo(401);
        assertThat(none.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
    }

    private ResponseEntity<String> get(String path, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private static String token(KeyPair keys, String cadre, List<String> roles, String unit) {
        RSAKey jwk = new RSAKey.Builder((RSAPublicKey) keys.getPublic()).privateKey((RSAPrivateKey) keys.getPrivate())
                .build();
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)));
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().subject(cadre).claim("cadre_id", cadre)
                .claim("roles", roles).issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300));
        if (unit != null) {
            claims.claim("unit_id", unit);
        }
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims.build()))
                .getTokenValue();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
