package ledger.command.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import ledger.security.LedgerSecurity;
import ledger.security.UserAccounts;
import ledger.store.LedgerStoreProperties;
import ledger.storeserver.EmbeddedStoreServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class AccountBootstrapTest {

    @TempDir
    Path temp;

    @Test
    void first_start_keeps_the_demo_passwords_for_the_owner_only_and_the_administrators_nowhere() throws Exception {
        Path data = temp.resolve("data");
        try (EmbeddedStoreServer store = EmbeddedStoreServer.inMemory("127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            UserAccounts accounts = new UserAccounts(client.getDatabase("ledger"));
            LedgerStoreProperties properties = new LedgerStoreProperties("", "ledger", data, false, 0,
                    Duration.ofSeconds(10), 500, Duration.ofMillis(100), Duration.ofSeconds(10), "");
            new AccountBootstrap(accounts, new BCryptPasswordEncoder(4), new LedgerSecurity(null, null, null),
                    Clock.systemUTC(), properties, true).run(null);

            assertThat(accounts.find("admin")).isPresent();
            Path file = data.resolve("demo-accounts.txt");
            assertThat(Files.readString(file)).contains("unit-staff", "personnel").doesNotContain("admin");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        }
    }
}
