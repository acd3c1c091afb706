package ledger.storeserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedStoreServerTest {

    @TempDir
    Path dataDir;

    @Test
    void keeps_acknowledged_writes_across_a_restart() {
        try (EmbeddedStoreServer server = EmbeddedStoreServer.persistent(dataDir, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("ledger").getCollection("things").insertOne(new Document("_id", 1).append("name", "台账"));
        }
        try (EmbeddedStoreServer server = EmbeddedStoreServer.persistent(dataDir, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            Document found = client.getDatabase("ledger").getCollection("things").find(new Document("_id", 1)).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("name")).isEqualTo("台账");
        }
    }

    @Test
    void flushes_each_write_to_the_file_before_answering() {
        try (EmbeddedStoreServer server = EmbeddedStoreServer.persistent(dataDir, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("ledger").getCollection("things").insertOne(new Document("_id", 2));
            DurableH2Backend backend = (DurableH2Backend) server.backend();
            assertThat(backend.getMvStore().hasUnsavedChanges()).isFalse();
        }
    }

    @Test
    void the_data_folder_and_the_store_file_are_the_owners_alone() throws Exception {
        Path folder = dataDir.resolve("private");
        try (EmbeddedStoreServer server = EmbeddedStoreServer.persistent(folder, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("ledger").getCollection("things").insertOne(new Document("_id", 3));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(server.storeFile())))
                    .isEqualTo("rw-------");
        }
    }

}
