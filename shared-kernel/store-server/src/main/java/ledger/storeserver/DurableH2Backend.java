package ledger.storeserver;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * H2 backend that commits its MVStore after every command that changed something. The stock
 * backend relies on MVStore's background auto-commit (about a second), so a crash could lose
 * writes it had already acknowledged.
 */
final class DurableH2Backend extends H2Backend {

    DurableH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            if (getMvStore().hasUnsavedChanges()) {
                commit();
            }
        }
    }
}
