package ledger.command.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Objects;

import ledger.kernel.account.AccountDisabledEvent;
import ledger.kernel.account.AccountEnabledEvent;
import ledger.kernel.account.AccountId;
import ledger.kernel.account.AccountOpenedEvent;
import ledger.kernel.account.AccountPasswordChangedEvent;
import ledger.kernel.account.AccountPasswordResetEvent;
import ledger.kernel.account.AccountRoleChangedEvent;
import ledger.kernel.account.ChangeAccountRoleCommand;
import ledger.kernel.account.ChangeOwnPasswordCommand;
import ledger.kernel.account.DisableAccountCommand;
import ledger.kernel.account.EnableAccountCommand;
import ledger.kernel.account.OpenAccountCommand;
import ledger.kernel.account.ResetAccountPasswordCommand;
import ledger.kernel.security.Actor;
import ledger.kernel.security.Role;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A sign-in account: whose it is, in which role, and whether it may sign in. Its password hash is
 * kept beside it in the user store and never enters an event.
 */
@Aggregate(commandTargetResolver = "expectedVersionTargetResolver")
class Account {

    @AggregateIdentifier
    private AccountId accountId;
    private String personId;
    private Role role;
    private String unitId;
    private boolean enabled;

    protected Account() {
    }

    @CommandHandler
    Account(OpenAccountCommand command) {
        AccountGrantPolicy.check(command.openedBy(), command.role(), command.personId(), command.unitId(),
                command.facts());
        apply(new AccountOpenedEvent(command.accountId(), command.accountId().username(), command.personId(),
                command.role(), command.unitId(), command.displayName(), command.openedBy().personId(),
                command.openedBy().role(), command.openedAt()));
    }

    @CommandHandler
    void handle(ChangeAccountRoleCommand command) {
        refuseOwn(command.changedBy());
        if (command.role() == role && Objects.equals(command.unitId(), unitId)) {
            throw new LedgerException(ErrorCode.SAME_ROLE, accountId.username() + " already is " + role);
        }
        AccountGrantPolicy.mayGrant(command.changedBy(), role);
        AccountGrantPolicy.check(command.changedBy(), command.role(), personId, command.unitId(), command.facts());
        apply(new AccountRoleChangedEvent(accountId, accountId.username(), personId, role, command.role(),
                command.unitId(), command.changedBy().personId(), command.changedAt()));
    }

    @CommandHandler
    void handle(ChangeOwnPasswordCommand command) {
        if (!command.actor().personId().equals(personId)) {
            throw new LedgerException(ErrorCode.NOT_PERMITTED, "A password is changed by the account's own person");
        }
        requireEnabled();
        apply(new AccountPasswordChangedEvent(accountId, accountId.username(), personId, command.actor().personId(),
                command.reason(), command.at()));
    }

    @CommandHandler
    void handle(ResetAccountPasswordCommand command) {
        requireAdministrator(command.actor());
        apply(new AccountPasswordResetEvent(accountId, accountId.username(), personId, command.actor().personId(),
                command.reason(), command.at()));
    }

    @CommandHandler
    void handle(DisableAccountCommand command) {
        requireAdministrator(command.actor());
        requireEnabled();
        apply(new AccountDisabledEvent(accountId, accountId.username(), personId, command.actor().personId(),
                command.reason(), command.at()));
    }

    @CommandHandler
    void handle(EnableAccountCommand command) {
        requireAdministrator(command.actor());
        if (enabled) {
            throw new LedgerException(ErrorCode.ACCOUNT_NOT_DISABLED, accountId.username() + " may sign in already");
        }
        apply(new AccountEnabledEvent(accountId, accountId.username(), personId, command.actor().personId(),
                command.reason(), command.at()));
    }

    private void requireAdministrator(Actor actor) {
        if (actor.role() != Role.ADMIN) {
            throw new LedgerException(ErrorCode.NOT_PERMITTED, "Only an administrator resets, disables or enables accounts");
        }
        refuseOwn(actor);
    }

    /** An administrator locked out of their own account could not undo it; a person re-granting themself is the abuse. */
    private void refuseOwn(Actor actor) {
        if (actor.personId().equals(personId)) {
            throw new LedgerException(ErrorCode.OWN_ACCOUNT, "Nobody changes the role of, resets or disables their own account");
        }
    }

    private void requireEnabled() {
        if (!enabled) {
            throw new LedgerException(ErrorCode.ACCOUNT_DISABLED, accountId.username() + " is disabled");
        }
    }

    @EventSourcingHandler
    void on(AccountOpenedEvent event) {
        accountId = event.accountId();
        personId = event.personId();
        role = event.role();
        unitId = event.unitId();
        enabled = true;
    }

    @EventSourcingHandler
    void on(AccountRoleChangedEvent event) {
        role = event.role();
        unitId = event.unitId();
    }

    @EventSourcingHandler
    void on(AccountDisabledEvent event) {
        enabled = false;
    }

    @EventSourcingHandler
    void on(AccountEnabledEvent event) {
        enabled = true;
    }
}
