package ledger.security;

import java.util.Collection;
import java.util.List;

import ledger.kernel.security.Actor;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in account of the embedded user store. */
public record LedgerUser(String username, String passwordHash, Actor actor, boolean enabled)
        implements UserDetails, ActorPrincipal {

    static LedgerUser of(UserAccount account) {
        return new LedgerUser(account.username(), account.passwordHash(),
                new Actor(account.personId(), account.role(), account.unitId()), account.enabled());
    }

    @Override
    public String account() {
        return username;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + actor.role().name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public String toString() {
        return "LedgerUser[" + username + ", " + actor + "]";
    }
}
