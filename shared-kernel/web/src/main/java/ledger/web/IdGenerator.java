package ledger.web;

import java.util.UUID;

/** Source of new ids. Ids are made at the edge and travel in commands, never inside aggregates. */
@FunctionalInterface
public interface IdGenerator {

    String newId();

    static IdGenerator random() {
        return () -> UUID.randomUUID().toString();
    }
}
