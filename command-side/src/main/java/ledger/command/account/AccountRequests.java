package ledger.command.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import ledger.kernel.security.Role;

/** Bodies of the account endpoints other than opening one. */
final class AccountRequests {

    private AccountRequests() {
    }

    record ChangeOwnPassword(@NotBlank String currentPassword, @NotBlank @Size(min = 12, max = 128) String newPassword) {
    }

    record ChangeRole(@NotNull Role role, String unitId) {
    }

    /** Why an administrator resets, disables or enables an account; optional. */
    record Reason(@Size(max = 500) String reason) {
    }
}
