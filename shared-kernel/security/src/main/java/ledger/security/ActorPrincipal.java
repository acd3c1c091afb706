package ledger.security;

import ledger.kernel.security.Actor;

/** An authenticated principal that knows which actor it is. */
public interface ActorPrincipal {

    Actor actor();

    /** The account signed in with: the user name, or a token's subject. */
    String account();
}
