package ledger.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import ledger.kernel.security.Actor;
import ledger.kernel.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

class JwtActorConverterTest {

    private final JwtActorConverter converter = new JwtActorConverter();

    @Test
    void takes_person_role_and_unit_from_the_claims() {
        Jwt jwt = jwt().claim("cadre_id", "cadre-42").claim("roles", List.of("offline_access", "unit_staff"))
                .claim("unit_id", "urban-renewal").build();

        ActorAuthenticationToken token = (ActorAuthenticationToken) converter.convert(jwt);

        assertThat(token.actor()).isEqualTo(new Actor("cadre-42", Role.UNIT_STAFF, "urban-renewal"));
        assertThat(token.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_UNIT_STAFF");
    }

    @Test
    void falls_back_to_the_subject_as_the_person() {
        Jwt jwt = jwt().subject("client-7").claim("role", "API_CLIENT").build();

        assertThat(((ActorAuthenticationToken) converter.convert(jwt)).actor().personId()).isEqualTo("client-7");
    }

    @Test
    void refuses_a_token_without_a_role_of_this_system() {
        Jwt jwt = jwt().subject("someone").claim("roles", List.of("superuser")).build();

        assertThatThrownBy(() -> converter.convert(jwt)).isInstanceOf(InvalidBearerTokenException.class);
    }

    private static Jwt.Builder jwt() {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("sub-1")
                .issuedAt(Instant.parse("2026-03-01T00:00:00Z")).expiresAt(Instant.parse("2026-03-01T01:00:00Z"));
    }
}
