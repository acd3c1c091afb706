package ledger.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import ledger.storeserver.EmbeddedStoreServer;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * A store for tests: the embedded server by default, or the MongoDB named by the environment
 * variable {@code CONTRACT_MONGODB_URI} (each store then gets a database of its own).
 */
public final class TestStore implements AutoCloseable {

    public static final String REAL_SERVER_VARIABLE = "CONTRACT_MONGODB_URI";

    private final EmbeddedStoreServer server;
    private final String connectionString;
    private final String databaseName;
    private final boolean external;

    private TestStore(EmbeddedStoreServer server, String connectionString, String databaseName, boolean external) {
        this.server = server;
        this.connectionString = connectionString;
        this.databaseName = databaseName;
        this.external = external;
    }

    public static TestStore inMemory() {
        String uri = System.getenv(REAL_SERVER_VARIABLE);
        if (uri != null && !uri.isBlank()) {
            return new TestStore(null, uri, "contract_" + UUID.randomUUID().toString().replace("-", ""), true);
        }
        EmbeddedStoreServer server = EmbeddedStoreServer.inMemory("127.0.0.1", 0);
        return new TestStore(server, server.connectionString(), "ledger", false);
    }

    public static TestStore persistent(Path dataDir) {
        EmbeddedStoreServer server = EmbeddedStoreServer.persistent(dataDir, "127.0.0.1", 0);
        return new TestStore(server, server.connectionString(), "ledger", false);
    }

    public boolean isExternal() {
        return external;
    }

    public String connectionString() {
        return connectionString;
    }

    public String databaseName() {
        return databaseName;
    }

    /** A new client, as another process would have. */
    public MongoClient newClient() {
        return MongoClients.create(connectionString);
    }

    public static Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(LedgerStoreAutoConfiguration.messageObjectMapper()).build();
    }

    public MongoEventStorageEngine.Builder engineBuilder(MongoClient client) {
        MongoDatabase database = client.getDatabase(databaseName);
        Serializer serializer = serializer();
        return MongoEventStorageEngine.builder()
                .database(database)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .gapTimeout(Duration.ofSeconds(10))
                .batchSize(100);
    }

    @Override
    public void close() {
        if (external) {
            try (MongoClient client = newClient()) {
                client.getDatabase(databaseName).drop();
            }
        }
        if (server != null) {
            server.close();
        }
    }
}
