package ledger.command.account;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ledger.kernel.security.Role;
import ledger.security.LedgerSecurity;
import ledger.security.UserAccount;
import ledger.security.UserAccounts;
import ledger.store.LedgerStoreProperties;
import ledger.storeserver.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * First start of the embedded user store: opens an administrator account and, when demo
 * accounts are asked for, one account per role. Passwords are random and printed once; the demo
 * roles' (not the administrator's) are also kept in the owner-only {@code <data dir>/demo-accounts.txt}
 * for a demonstration system.
 */
@Component
class AccountBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /**
     * User name, person and unit of each demo account; they are people of the demo data (./run --demo):
     * the unit roles act for the construction market division.
     */
    private static final Map<Role, String[]> DEMO = Map.of(
            Role.BUREAU_LEADER, new String[] {"leader", "cadre-deputy-zhang", null},
            Role.UNIT_HEAD, new String[] {"unit-head", "cadre-construction-market-6", "construction-market"},
            Role.UNIT_STAFF, new String[] {"unit-staff", "cadre-construction-market-18", "construction-market"},
            Role.BUREAU_OFFICE, new String[] {"office", "cadre-office-zhao", null},
            Role.ORGAN_PARTY_COMMITTEE, new String[] {"party-committee", "cadre-organ-party-committee-2", null},
            Role.DISCIPLINE_INSPECTION, new String[] {"discipline", "cadre-discipline-zhou", null},
            Role.PERSONNEL_OFFICE, new String[] {"personnel", "cadre-personnel-wu", null},
            Role.API_CLIENT, new String[] {"api-client", "client-data-exchange", null});

    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final LedgerSecurity security;
    private final Clock clock;
    private final Path dataDir;
    private final boolean demoAccounts;
    private final SecureRandom random = new SecureRandom();

    AccountBootstrap(UserAccounts accounts, PasswordEncoder passwords, LedgerSecurity security, Clock clock,
                     LedgerStoreProperties store, @Value("${ledger.security.demo-accounts:false}") boolean demoAccounts) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.security = security;
        this.clock = clock;
        this.dataDir = store.dataDir();
        this.demoAccounts = demoAccounts;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (security.usesJwt() || !accounts.isEmpty()) {
            return;
        }
        String admin = open("admin", "admin", Role.ADMIN, null);
        List<String> lines = new ArrayList<>();
        if (demoAccounts) {
            for (Role role : Role.values()) {
                String[] demo = DEMO.get(role);
                if (demo != null) {
                    lines.add(open(demo[0], demo[1], role, demo[2]));
                }
            }
        }
        String table = String.join(System.lineSeparator(), lines);
        System.out.println(System.lineSeparator() + "Accounts opened at first start (user / password / role / unit):"
                + System.lineSeparator() + admin + System.lineSeparator() + table + System.lineSeparator()
                + "The administrator's password is shown only here, once: keep it safe now." + System.lineSeparator());
        if (demoAccounts) {
            // the demonstration roles' passwords stay at hand (owner-only file); the administrator's never does
            Path file = dataDir.resolve("demo-accounts.txt");
            PrivateFiles.write(file, table + System.lineSeparator());
            log.info("Demo accounts written to {} (readable by its owner only); change or remove them before real use",
                    file.toAbsolutePath());
        }
    }

    private String open(String username, String personId, Role role, String unit) {
        String password = password();
        accounts.add(new UserAccount(username, passwords.encode(password), personId, role, unit, role.label(), true,
                "bootstrap", clock.instant()));
        return String.format("  %-16s %-18s %-24s %s", username, password, role + " " + role.label(),
                unit == null ? "" : unit);
    }

    private String password() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
