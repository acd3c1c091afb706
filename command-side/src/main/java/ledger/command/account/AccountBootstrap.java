package ledger.command.account;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ledger.command.infrastructure.CommandSender;
import ledger.kernel.account.AccountId;
import ledger.kernel.account.OpenAccountCommand;
import ledger.kernel.account.PersonFacts;
import ledger.kernel.security.Actor;
import ledger.kernel.security.Role;
import ledger.security.LedgerSecurity;
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
 * First start of the embedded user store: the system opens an administrator account and, when demo
 * accounts are asked for, one account per role, each as an {@code AccountOpenedEvent} with the
 * system as actor. These alone are opened before the organisation is recorded (the demo people
 * are registered by the demo data, or not at all), which the grant policy allows the system only.
 * Passwords are random and printed once; the demo roles' (not the administrator's) are also kept
 * in the owner-only {@code <data dir>/demo-accounts.txt} for a demonstration system.
 */
@Component
class AccountBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);
    static final Actor FIRST_START = new Actor("system-first-start", Role.SYSTEM, null);

    /**
     * User name, person and unit of each demo account; they are people of the demo data (./run --demo):
     * the unit roles act for the construction market division.
     */
    static final Map<Role, String[]> DEMO = Map.of(
            Role.BUREAU_LEADER, new String[] {"leader", "cadre-deputy-zhang", null},
            Role.UNIT_HEAD, new String[] {"unit-head", "cadre-construction-market-6", "construction-market"},
            Role.UNIT_STAFF, new String[] {"unit-staff", "cadre-construction-market-18", "construction-market"},
            Role.BUREAU_OFFICE, new String[] {"office", "cadre-office-zhao", null},
            Role.ORGAN_PARTY_COMMITTEE, new String[] {"party-committee", "cadre-organ-party-committee-2", null},
            Role.DISCIPLINE_INSPECTION, new String[] {"discipline", "cadre-discipline-zhou", null},
            Role.PERSONNEL_OFFICE, new String[] {"personnel", "cadre-personnel-wu", null},
            Role.API_CLIENT, new String[] {"api-client", "client-data-exchange", null});

    private final CommandSender sender;
    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final LedgerSecurity security;
    private final Clock clock;
    private final Path dataDir;
    private final boolean demoAccounts;

    AccountBootstrap(CommandSender sender, UserAccounts accounts, PasswordEncoder passwords, LedgerSecurity security, Clock clock,
                     LedgerStoreProperties store, @Value("${ledger.security.demo-accounts:false}") boolean demoAccounts) {
        this.sender = sender;
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
        String password = RandomPasswords.next();
        AccountId id = AccountId.of(username);
        sender.sendAs(FIRST_START, new OpenAccountCommand(id, personId, role, unit, role.label(), FIRST_START,
                PersonFacts.NOT_RECORDED, clock.instant()), id.value(), "first start");
        accounts.setPasswordHash(username, passwords.encode(password));
        return String.format("  %-16s %-18s %-24s %s", username, password, role + " " + role.label(),
                unit == null ? "" : unit);
    }
}
