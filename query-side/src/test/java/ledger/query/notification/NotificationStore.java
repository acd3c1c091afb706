package ledger.query.notification;

import java.time.Clock;
import java.time.Duration;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import ledger.storeserver.EmbeddedStoreServer;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The notification classes as plain objects on an in-memory store of their own, with mail on. */
final class NotificationStore implements AutoCloseable {

    private final EmbeddedStoreServer server = EmbeddedStoreServer.inMemory("127.0.0.1", 0);
    private final MongoClient client = MongoClients.create(server.connectionString());
    final MongoTemplate mongo = new MongoTemplate(client, "notifications-test");
    final NotificationTexts texts = new NotificationTexts();
    final MailSettings settings;
    final MailOutbox outbox;
    final NotificationProjection projection;
    final Notifications notifications;

    NotificationStore(Clock clock, Duration backoff) {
        settings = new MailSettings("127.0.0.1", "督查台账 <ledger@zjj.example.gov.cn>", Duration.ofDays(3), backoff,
                backoff.multipliedBy(4), Duration.ofSeconds(30));
        outbox = new MailOutbox(mongo, settings, texts, clock);
        projection = new NotificationProjection(mongo, outbox);
        notifications = new Notifications(mongo, clock);
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
