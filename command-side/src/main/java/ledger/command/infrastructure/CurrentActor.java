package ledger.command.infrastructure;

import org.springframework.stereotype.Component;

/**
 * The actor of the current request. There is no authentication yet, so every request is the
 * anonymous actor, and the events say so; the security work replaces this with the
 * authenticated principal (never a field of the request body).
 */
@Component
public class CurrentActor {

    static final Actor ANONYMOUS = new Actor("anonymous", "ANONYMOUS", null);

    public Actor get() {
        return ANONYMOUS;
    }
}
