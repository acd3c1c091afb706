package ledger.security;

import java.util.List;

import ledger.kernel.security.Actor;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** A request authenticated by a JWT, resolved to the actor its claims name. */
public class ActorAuthenticationToken extends AbstractAuthenticationToken implements ActorPrincipal {

    private final Actor actor;
    private final Jwt jwt;

    public ActorAuthenticationToken(Actor actor, Jwt jwt) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + actor.role().name())));
        this.actor = actor;
        this.jwt = jwt;
        setAuthenticated(true);
    }

    @Override
    public Actor actor() {
        return actor;
    }

    @Override
    public Object getCredentials() {
        return jwt;
    }

    @Override
    public Object getPrincipal() {
        return this;
    }

    @Override
    public String getName() {
        return actor.personId();
    }
}
