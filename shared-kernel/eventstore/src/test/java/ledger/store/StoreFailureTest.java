package ledger.store;

import static ledger.store.Fixtures.noted;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;

/** A store that stops answering fails a commit as the event store's failure (the API answers 503 for it). */
class StoreFailureTest {

    @Test
    void a_failed_position_reservation_is_an_event_store_failure_and_stores_nothing() {
        TestStore store = TestStore.inMemory();
        if (store.isExternal()) {
            store.close();
            return; // a real server cannot be stopped from here
        }
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(store.connectionString()))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(300, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(300, TimeUnit.MILLISECONDS).readTimeout(300, TimeUnit.MILLISECONDS))
                .build();
        try (MongoClient client = MongoClients.create(settings)) {
            MongoEventStorageEngine engine = store.engineBuilder(client).build();
            store.close(); // the server goes away before the commit reserves its positions

            assertThatThrownBy(() -> engine.appendEvents(noted("a", 0)))
                    .isInstanceOf(EventStoreException.class)
                    .hasMessageContaining("reserve")
                    .hasCauseInstanceOf(MongoException.class);
        }
    }
}
