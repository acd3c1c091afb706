package ledger.command.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import ledger.command.organisation.OrganisationDirectory;
import ledger.kernel.security.Actor;
import ledger.kernel.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** ./run --demo: demo data and demo accounts at first start, the accounts for people the data records. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.store.embedded-persistent=false", "ledger.demo.data=true",
                "ledger.security.demo-accounts=true", "ledger.security.bcrypt-strength=4"})
class DemoAccountsTest {

    static final Path DATA = temp();

    @Autowired
    OrganisationDirectory directory;
    @Autowired
    TestRestTemplate http;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("ledger.store.data-dir", DATA::toString);
    }

    @Test
    void every_demo_account_would_also_pass_an_administrators_opening_on_the_demo_organisation() {
        Actor admin = new Actor("someone-else", Role.ADMIN, null);
        for (Map.Entry<Role, String[]> demo : AccountBootstrap.DEMO.entrySet()) {
            String person = demo.getValue()[1];
            assertThatCode(() -> AccountGrantPolicy.check(admin, demo.getKey(), person, demo.getValue()[2],
                    directory.personFacts(person))).as(demo.getValue()[0]).doesNotThrowAnyException();
        }
    }

    @Test
    void the_demo_accounts_sign_in_with_the_passwords_kept_for_the_owner() throws IOException {
        var lines = Files.readAllLines(DATA.resolve("demo-accounts.txt"));
        assertThat(lines).hasSize(AccountBootstrap.DEMO.size());
        for (String line : lines) {
            String[] columns = line.trim().split("\\s+");
            Map<String, Object> me = http.withBasicAuth(columns[0], columns[1]).getForObject("/api/me", Map.class);
            assertThat(me).as(columns[0]).containsEntry("role", columns[2]);
        }
    }

    private static Path temp() {
        try {
            return Files.createTempDirectory("demo-accounts");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
