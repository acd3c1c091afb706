package ledger.command.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import ledger.kernel.account.AccountOpenedEvent;
import ledger.kernel.shared.MetadataKeys;
import ledger.security.UserAccounts;
import ledger.store.MongoEventStorageEngine;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(properties = {"ledger.store.embedded-persistent=false", "ledger.security.bcrypt-strength=4",
        "ledger.security.demo-accounts=true"})
class AccountBootstrapTest {

    static final Path DATA = temp().resolve("data");

    @Autowired
    UserAccounts accounts;
    @Autowired
    MongoEventStorageEngine engine;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("ledger.store.data-dir", DATA::toString);
    }

    @Test
    void first_start_keeps_the_demo_passwords_for_the_owner_only_and_the_administrators_nowhere() throws Exception {
        assertThat(accounts.find("admin")).isPresent();
        Path file = DATA.resolve("demo-accounts.txt");
        assertThat(Files.readString(file)).contains("unit-staff", "personnel").doesNotContain("admin");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(DATA))).isEqualTo("rwx------");
    }

    @Test
    void the_first_start_accounts_are_opened_by_the_system_as_events_without_any_password() {
        List<? extends EventMessage<?>> opened = engine.readEvents(null, false)
                .filter(event -> event.getPayload() instanceof AccountOpenedEvent).toList();
        assertThat(opened).extracting(event -> ((AccountOpenedEvent) event.getPayload()).username())
                .contains("admin", "leader", "discipline", "api-client");
        assertThat(opened).allSatisfy(event -> {
            assertThat(event.getMetaData().get(MetadataKeys.ACTOR_ROLE)).isEqualTo("SYSTEM");
            assertThat(event.getPayload().toString()).doesNotContainIgnoringCase("password").doesNotContain("$2a$");
        });
        assertThat(accounts.find("leader").orElseThrow().passwordHash()).startsWith("$2a$");
    }

    private static Path temp() {
        try {
            return Files.createTempDirectory("bootstrap");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
