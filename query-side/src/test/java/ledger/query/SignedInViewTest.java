package ledger.query;

import ledger.kernel.security.Role;
import ledger.security.TestAccounts;
import ledger.security.UserAccounts;
import ledger.store.MongoEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A query side on an in-memory store with the test accounts, for view tests that publish events
 * and read them back over HTTP. The test classes share one store: read from where you started.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.store.embedded-persistent=false", "ledger.security.bcrypt-strength=4"})
@Import(TestNotary.Sealing.class)
public abstract class SignedInViewTest {

    @Autowired
    protected TestRestTemplate http;
    @Autowired
    protected EventStore events;
    @Autowired
    protected MongoEventStorageEngine engine;
    @Autowired
    private UserAccounts accounts;
    @Autowired
    private PasswordEncoder passwords;

    @BeforeEach
    void signInAccounts() {
        TestAccounts.ensure(accounts, passwords);
    }

    protected TestRestTemplate as(Role role) {
        return http.withBasicAuth(TestAccounts.username(role), TestAccounts.PASSWORD);
    }
}
