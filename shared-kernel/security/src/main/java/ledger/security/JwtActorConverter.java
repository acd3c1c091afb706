package ledger.security;

import java.util.List;

import ledger.kernel.security.Actor;
import ledger.kernel.security.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Reads the actor from a token: {@code cadre_id} (else {@code sub}) is the person, {@code role}
 * (or the first known entry of {@code roles}) the role, {@code unit_id} the unit.
 */
public class JwtActorConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String person = jwt.hasClaim("cadre_id") ? jwt.getClaimAsString("cadre_id") : jwt.getSubject();
        Role role = role(jwt);
        try {
            return new ActorAuthenticationToken(new Actor(person, role, jwt.getClaimAsString("unit_id")), jwt);
        } catch (IllegalArgumentException e) {
            throw new InvalidBearerTokenException("the token does not name a valid person and unit");
        }
    }

    private static Role role(Jwt jwt) {
        String single = jwt.getClaimAsString("role");
        List<String> many = jwt.hasClaim("roles") ? jwt.getClaimAsStringList("roles") : List.of();
        for (String candidate : single != null ? List.of(single) : many) {
            for (Role role : Role.SIGN_IN_ROLES) {
                if (role.name().equalsIgnoreCase(candidate)) {
                    return role;
                }
            }
        }
        throw new InvalidBearerTokenException("the token names no role of this system");
    }
}
