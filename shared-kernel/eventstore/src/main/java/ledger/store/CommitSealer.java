package ledger.store;

import org.bson.Document;

/**
 * Seals a commit or void document as it is written: the writer's signature over what the
 * document holds, computed with a key the database does not hold, stored in the document's
 * {@code seal} field. Only the command side (the writer) has one; a reader's engine has none.
 */
@FunctionalInterface
public interface CommitSealer {

    /** The seal to store in {@code owner} (a commit or a void, complete but for its seal). */
    Document seal(Document owner);
}
