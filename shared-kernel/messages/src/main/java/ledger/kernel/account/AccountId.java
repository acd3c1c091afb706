package ledger.kernel.account;

import ledger.kernel.shared.Identifier;
import ledger.kernel.shared.InvalidMessageException;
import ledger.kernel.shared.Require;

/**
 * An account's stream. The user name is prefixed because every aggregate shares one id space: a
 * user name may well be spelled like a cadre's or a unit's id.
 */
public record AccountId(String value) implements Identifier {

    private static final String PREFIX = "account:";

    public AccountId {
        Require.id(value, "accountId");
        if (!value.startsWith(PREFIX)) {
            throw new InvalidMessageException("accountId", "must start with " + PREFIX);
        }
    }

    public static AccountId of(String username) {
        return new AccountId(PREFIX + Require.id(username, "username"));
    }

    public String username() {
        return value.substring(PREFIX.length());
    }

    @Override
    public String toString() {
        return value;
    }
}
