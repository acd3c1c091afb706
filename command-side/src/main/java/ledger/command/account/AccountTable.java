package ledger.command.account;

import ledger.kernel.account.AccountDisabledEvent;
import ledger.kernel.account.AccountEnabledEvent;
import ledger.kernel.account.AccountOpenedEvent;
import ledger.kernel.account.AccountRoleChangedEvent;
import ledger.security.UserAccounts;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the user store that both services sign in against in step with the account events. A
 * subscribing processor: the table changes with the command, so a disabled account is refused
 * from the next request on. The password hash beside each row is written by the account
 * endpoints, never from an event.
 */
@Component
@ProcessingGroup(AccountTable.PROCESSOR)
class AccountTable {

    static final String PROCESSOR = "account-table";

    private final UserAccounts accounts;

    AccountTable(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @EventHandler
    void on(AccountOpenedEvent event) {
        accounts.record(event.username(), event.personId(), event.role(), event.unitId(), event.displayName(), true,
                event.openedBy(), event.openedAt());
    }

    @EventHandler
    void on(AccountRoleChangedEvent event) {
        accounts.changeRole(event.username(), event.role(), event.unitId());
    }

    @EventHandler
    void on(AccountDisabledEvent event) {
        accounts.setEnabled(event.username(), false);
    }

    @EventHandler
    void on(AccountEnabledEvent event) {
        accounts.setEnabled(event.username(), true);
    }
}
