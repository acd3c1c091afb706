package ledger.store;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/** The store answers, and how far the global event stream has come. */
public class EventStoreHealthIndicator extends AbstractHealthIndicator {

    private final MongoClient client;
    private final StoreConnection connection;
    private final MongoEventStorageEngine engine;

    public EventStoreHealthIndicator(MongoClient client, StoreConnection connection, MongoEventStorageEngine engine) {
        super("event store is not reachable");
        this.client = client;
        this.connection = connection;
        this.engine = engine;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        client.getDatabase(connection.database()).runCommand(new Document("ping", 1));
        builder.up()
               .withDetail("embedded", connection.isEmbedded())
               .withDetail("database", connection.database())
               .withDetail("lastPosition", engine.lastReservedPosition());
    }
}
