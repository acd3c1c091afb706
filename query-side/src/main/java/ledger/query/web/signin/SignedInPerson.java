package ledger.query.web.signin;

import java.io.Serializable;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import ledger.kernel.security.Actor;
import ledger.kernel.security.Role;
import ledger.security.ActorPrincipal;

/**
 * A person signed in to the web application, as kept in their session: who they are, and the token the
 * command side gave them to forward their writes with (it verifies it itself; ADR 0007).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
public record SignedInPerson(String username, String displayName, String personId, Role role, String unitId,
                             String commandToken, Instant tokenExpiresAt) implements ActorPrincipal, Serializable {

    @Override
    public Actor actor() {
        return new Actor(personId, role, unitId);
    }

    @Override
    public String account() {
        return username;
    }

    @Override
    public String toString() {
        // never the token
        return "SignedInPerson[" + username + ", " + role + "]";
    }
}
