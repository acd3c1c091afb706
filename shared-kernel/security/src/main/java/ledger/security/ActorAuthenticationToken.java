package ledger.security;

import java.util.List;

import ledger.kernel.security.Actor;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** A request authenticated by a JWT, resolved to the actor its claims name. */
public class ActorAuthenticationToken extends AbstractAuthenticationToken {

    private final TokenActor principal;
    private final Jwt jwt;

    /** The principal of a token-authenticated request. */
    public record TokenActor(Actor actor, String account) implements ActorPrincipal {
    }

    public ActorAuthenticationToken(Actor actor, Jwt jwt) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + actor.role().name())));
        this.principal = new TokenActor(actor, jwt.getSubject());
        this.jwt = jwt;
        setAuthenticated(true);
    }

    public Actor actor() {
        return principal.actor();
    }

    @Override
    public Object getCredentials() {
        return jwt;
    }

    @Override
    public Object getPrincipal() {
        return principal;
    }

    @Override
    public String getName() {
        return principal.actor().personId();
    }
}
