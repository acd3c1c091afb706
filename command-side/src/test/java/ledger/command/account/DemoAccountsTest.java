package ledger.command.account;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Map;

import ledger.command.organisation.OrganisationDirectory;
import ledger.kernel.security.Actor;
import ledger.kernel.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** ./run --demo: the accounts the system opens at first start are for people the demo data records as their roles need. */
@SpringBootTest(properties = {"ledger.store.embedded-persistent=false", "ledger.demo.data=true",
        "ledger.security.bcrypt-strength=4"})
class DemoAccountsTest {

    @Autowired
    OrganisationDirectory directory;

    @Test
    void every_demo_account_would_also_pass_an_administrators_opening_on_the_demo_organisation() {
        Actor admin = new Actor("someone-else", Role.ADMIN, null);
        for (Map.Entry<Role, String[]> demo : AccountBootstrap.DEMO.entrySet()) {
            String person = demo.getValue()[1];
            assertThatCode(() -> AccountGrantPolicy.check(admin, demo.getKey(), person, demo.getValue()[2],
                    directory.personFacts(person))).as(demo.getValue()[0]).doesNotThrowAnyException();
        }
    }
}
