package ledger.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import ledger.kernel.security.Role;
import ledger.kernel.shared.LedgerException;
import org.springframework.security.crypto.password.PasswordEncoder;

/** One account per role (unit roles in {@link #UNIT_A}), plus a staff member of {@link #UNIT_B}. */
public final class TestAccounts {

    public static final String PASSWORD = "correct-horse-battery";
    public static final String UNIT_A = "unit-a";
    public static final String UNIT_B = "unit-b";
    public static final String STAFF_OF_UNIT_B = "test-unit_staff_b";

    private TestAccounts() {
    }

    /** Prefixed, so they never meet the accounts a service opens at its first start. */
    public static String username(Role role) {
        return "test-" + role.name().toLowerCase();
    }

    public static String personId(String username) {
        return "cadre-" + username.replace('_', '-');
    }

    public static String personId(Role role) {
        return personId(username(role));
    }

    public static List<UserAccount> all(PasswordEncoder encoder) {
        String hash = encoder.encode(PASSWORD);
        List<UserAccount> accounts = new ArrayList<>();
        for (Role role : Role.SIGN_IN_ROLES) {
            String unit = Role.UNIT_ROLES.contains(role) ? UNIT_A : null;
            accounts.add(account(username(role), role, unit, hash));
        }
        accounts.add(account(STAFF_OF_UNIT_B, Role.UNIT_STAFF, UNIT_B, hash));
        return accounts;
    }

    /** Adds whichever of the test accounts are missing. */
    public static void ensure(UserAccounts store, PasswordEncoder encoder) {
        for (UserAccount account : all(encoder)) {
            if (store.find(account.username()).isEmpty()) {
                try {
                    store.add(account);
                } catch (LedgerException raced) {
                    // another test context added it first
                }
            }
        }
    }

    private static UserAccount account(String username, Role role, String unit, String hash) {
        return new UserAccount(username, hash, personId(username), role, unit, role.label(), true, "test",
                Instant.parse("2026-01-01T00:00:00Z"));
    }
}
