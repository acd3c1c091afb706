package ledger.command.account;

import java.net.URI;
import java.time.Clock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import ledger.kernel.security.Actor;
import ledger.kernel.security.Role;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.InvalidMessageException;
import ledger.kernel.shared.LedgerException;
import ledger.security.CurrentActor;
import ledger.security.UserAccount;
import ledger.security.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts of the embedded user store, opened by the personnel office (staff) or an administrator
 * (any role). With JWT sign-in the identity provider owns the accounts instead.
 */
@RestController
@Tag(name = "Accounts 账号")
class AccountController {

    private static final Logger log = LoggerFactory.getLogger(AccountController.class);

    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final Clock clock;

    AccountController(UserAccounts accounts, PasswordEncoder passwords, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
    }

    record AccountOpened(String username, String personId, Role role, String unitId) {
    }

    @PostMapping("/api/accounts")
    @Operation(summary = "Open an account of the embedded user store")
    ResponseEntity<AccountOpened> open(@Valid @RequestBody OpenAccountRequest request) {
        Actor opener = CurrentActor.get();
        if (request.role() == Role.SYSTEM) {
            throw new InvalidMessageException("role", "SYSTEM is not a role a person can have");
        }
        if (opener.role() != Role.ADMIN && !Role.BUREAU_STAFF.contains(request.role())) {
            throw new LedgerException(ErrorCode.NOT_PERMITTED,
                    "The personnel office opens accounts of bureau staff; ask an administrator for a " + request.role());
        }
        boolean unitRole = Role.UNIT_ROLES.contains(request.role());
        if (unitRole && (request.unitId() == null || request.unitId().isBlank())) {
            throw new InvalidMessageException("unitId", "is required for " + request.role());
        }
        Actor actor = new Actor(request.personId(), request.role(), unitRole ? request.unitId() : null);
        accounts.add(new UserAccount(request.username(), passwords.encode(request.password()), actor.personId(),
                actor.role(), actor.unitId(), request.displayName(), true, opener.personId(), clock.instant()));
        log.info("Account {} ({}) opened by {}", request.username(), request.role(), opener);
        return ResponseEntity.created(URI.create("/api/accounts/" + request.username()))
                .body(new AccountOpened(request.username(), actor.personId(), actor.role(), actor.unitId()));
    }
}
