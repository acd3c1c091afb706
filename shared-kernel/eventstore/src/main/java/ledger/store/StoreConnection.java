package ledger.store;

import ledger.storeserver.EmbeddedStoreServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The MongoDB this process talks to: the configured one, or an embedded server it started itself. */
public final class StoreConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoreConnection.class);

    private final String connectionString;
    private final String database;
    private final EmbeddedStoreServer embedded;

    private StoreConnection(String connectionString, String database, EmbeddedStoreServer embedded) {
        this.connectionString = connectionString;
        this.database = database;
        this.embedded = embedded;
    }

    public static StoreConnection open(LedgerStoreProperties properties) {
        if (properties.uri() != null && !properties.uri().isBlank()) {
            return new StoreConnection(properties.uri(), properties.database(), null);
        }
        EmbeddedStoreServer server = properties.embeddedPersistent()
                ? EmbeddedStoreServer.persistent(properties.dataDir(), "127.0.0.1", properties.embeddedPort())
                : EmbeddedStoreServer.inMemory("127.0.0.1", properties.embeddedPort());
        log.info("No MongoDB URI configured: started the embedded store at {}", server.connectionString());
        return new StoreConnection(server.connectionString(), properties.database(), server);
    }

    public String connectionString() {
        return connectionString;
    }

    public String database() {
        return database;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
