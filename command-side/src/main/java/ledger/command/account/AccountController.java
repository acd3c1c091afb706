package ledger.command.account;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import ledger.command.infrastructure.CommandAccepted;
import ledger.command.infrastructure.CommandSender;
import ledger.command.organisation.OrganisationDirectory;
import ledger.kernel.account.AccountId;
import ledger.kernel.account.ChangeAccountRoleCommand;
import ledger.kernel.account.ChangeOwnPasswordCommand;
import ledger.kernel.account.DisableAccountCommand;
import ledger.kernel.account.EnableAccountCommand;
import ledger.kernel.account.OpenAccountCommand;
import ledger.kernel.account.PersonFacts;
import ledger.kernel.account.ResetAccountPasswordCommand;
import ledger.kernel.security.Actor;
import ledger.kernel.security.Role;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import ledger.security.CurrentActor;
import ledger.security.UserAccount;
import ledger.security.UserAccounts;
import ledger.web.RequestFields;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts of the embedded user store, as events: opened by the personnel office (unit roles) or
 * an administrator (any role), each for a person the organisation records as the role needs (see
 * {@link AccountGrantPolicy}). The password hash is written beside the account row once the event
 * is stored. With JWT sign-in the identity provider owns the accounts instead.
 */
@RestController
@Tag(name = "Accounts 账号")
class AccountController {

    private final CommandSender sender;
    private final UserAccounts accounts;
    private final OrganisationDirectory directory;
    private final PasswordEncoder passwords;
    private final Clock clock;

    AccountController(CommandSender sender, UserAccounts accounts, OrganisationDirectory directory,
                      PasswordEncoder passwords, Clock clock) {
        this.sender = sender;
        this.accounts = accounts;
        this.directory = directory;
        this.passwords = passwords;
        this.clock = clock;
    }

    record AccountOpened(String username, String personId, Role role, String unitId, long version, long position) {
    }

    /** Shown once, to the administrator who reset it; nowhere else. */
    record PasswordReset(String username, String password, long version, long position) {
    }

    record AccountView(String username, String personId, Role role, String unitId, String displayName, boolean enabled,
                       String openedBy) {
    }

    @PostMapping("/api/accounts")
    @Operation(summary = "Open an account for a recorded person (开通账号)")
    ResponseEntity<AccountOpened> open(@Valid @RequestBody OpenAccountRequest request) {
        Actor opener = CurrentActor.get();
        AccountId id = AccountId.of(request.username());
        String unit = request.unitId() == null || request.unitId().isBlank() ? null : request.unitId();
        if (accounts.find(request.username()).isPresent()) {
            throw new LedgerException(ErrorCode.ACCOUNT_EXISTS, "The user name " + request.username() + " is taken");
        }
        PersonFacts facts = directory.personFacts(request.personId());
        CommandAccepted accepted = sender.send(new OpenAccountCommand(id, request.personId(), request.role(), unit,
                request.displayName(), opener, facts, clock.instant()), id.value());
        accounts.setPasswordHash(request.username(), passwords.encode(request.password()));
        return ResponseEntity.created(URI.create("/api/accounts/" + request.username()))
                .body(new AccountOpened(request.username(), request.personId(), request.role(), unit,
                        accepted.version(), accepted.position()));
    }

    @PostMapping("/api/accounts/{username}/role-changes")
    @Operation(summary = "Give an account another role, on the same recorded facts as opening one")
    ResponseEntity<CommandAccepted> changeRole(@PathVariable String username,
                                               @Valid @RequestBody AccountRequests.ChangeRole request) {
        UserAccount account = existing(username);
        String unit = request.unitId() == null || request.unitId().isBlank() ? null : request.unitId();
        return created(username, "/role-changes", sender.send(new ChangeAccountRoleCommand(AccountId.of(username),
                request.role(), unit, CurrentActor.get(), directory.personFacts(account.personId()), clock.instant()),
                AccountId.of(username).value()));
    }

    @PostMapping("/api/accounts/me/password-changes")
    @Operation(summary = "Change your own password, giving the current one")
    ResponseEntity<CommandAccepted> changeOwnPassword(@Valid @RequestBody AccountRequests.ChangeOwnPassword request) {
        String username = CurrentActor.account().orElseThrow(() -> new LedgerException(ErrorCode.AUTHENTICATION_REQUIRED,
                "This request has no signed-in account"));
        UserAccount account = existing(username);
        if (account.passwordHash() == null || !passwords.matches(request.currentPassword(), account.passwordHash())) {
            throw new LedgerException(ErrorCode.WRONG_PASSWORD, ErrorCode.WRONG_PASSWORD.title());
        }
        CommandAccepted accepted = sender.send(new ChangeOwnPasswordCommand(AccountId.of(username), CurrentActor.get(),
                null, clock.instant()), AccountId.of(username).value());
        accounts.setPasswordHash(username, passwords.encode(request.newPassword()));
        return created(username, "/password-changes", accepted);
    }

    @PostMapping("/api/accounts/{username}/password-resets")
    @Operation(summary = "Reset an account's password (administrator); the new one is shown once, in this answer")
    ResponseEntity<PasswordReset> resetPassword(@PathVariable String username,
                                                @Valid @RequestBody(required = false) AccountRequests.Reason request) {
        existing(username);
        CommandAccepted accepted = sender.send(new ResetAccountPasswordCommand(AccountId.of(username),
                CurrentActor.get(), reason(request), clock.instant()), AccountId.of(username).value());
        String password = RandomPasswords.next();
        accounts.setPasswordHash(username, passwords.encode(password));
        return ResponseEntity.created(URI.create("/api/accounts/" + username + "/password-resets/" + accepted.version()))
                .cacheControl(CacheControl.noStore())
                .body(new PasswordReset(username, password, accepted.version(), accepted.position()));
    }

    @PostMapping("/api/accounts/{username}/disablement")
    @Operation(summary = "Disable an account (administrator): both services refuse it from the next request on")
    ResponseEntity<CommandAccepted> disable(@PathVariable String username,
                                            @Valid @RequestBody(required = false) AccountRequests.Reason request) {
        return administer(username, "/disablement", request, DisableAccountCommand::new);
    }

    @PostMapping("/api/accounts/{username}/enablement")
    @Operation(summary = "Enable a disabled account again (administrator)")
    ResponseEntity<CommandAccepted> enable(@PathVariable String username,
                                           @Valid @RequestBody(required = false) AccountRequests.Reason request) {
        return administer(username, "/enablement", request, EnableAccountCommand::new);
    }

    /** The shape of an administrator's command on an account. */
    interface AdministrativeCommand {
        Object of(AccountId account, Actor actor, String reason, Instant at);
    }

    private ResponseEntity<CommandAccepted> administer(String username, String what, AccountRequests.Reason request,
                                                       AdministrativeCommand command) {
        existing(username);
        AccountId id = AccountId.of(username);
        return created(username, what, sender.send(command.of(id, CurrentActor.get(), reason(request), clock.instant()),
                id.value(), reason(request)));
    }

    @GetMapping("/api/accounts")
    @Operation(summary = "Every account of the user store, without passwords (administrator)")
    List<AccountView> list() {
        return accounts.all().stream().map(a -> new AccountView(a.username(), a.personId(), a.role(), a.unitId(),
                a.displayName(), a.enabled(), a.createdBy())).toList();
    }

    private UserAccount existing(String username) {
        RequestFields.id("username", username, AccountId::of);
        return accounts.find(username).orElseThrow(() -> new LedgerException(ErrorCode.UNKNOWN_ACCOUNT,
                "No account is called " + username));
    }

    private static String reason(AccountRequests.Reason request) {
        return request == null || request.reason() == null || request.reason().isBlank() ? null : request.reason();
    }

    private static <T> ResponseEntity<T> created(String username, String what, T body) {
        return ResponseEntity.created(URI.create("/api/accounts/" + username + what)).body(body);
    }
}
