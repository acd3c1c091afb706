package ledger.command.account;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import ledger.kernel.security.Role;

/** Bodies of the account endpoints other than opening one. */
final class AccountRequests {

    private AccountRequests() {
    }

    record ChangeOwnPassword(
            @Schema(description = "the password the signed-in account has now; a wrong one answers WRONG_PASSWORD")
            @NotBlank String currentPassword,
            @Schema(description = "the password from now on; kept only as a bcrypt hash")
            @NotBlank @Size(min = 12, max = 128) String newPassword) {
    }

    record ChangeRole(
            @Schema(description = "the account's new role, resting on the same recorded facts as opening an account "
                    + "with it; who may give which: README, Signing in and roles")
            @NotNull Role role,
            @Schema(description = "the recorded unit the person is posted in; required for UNIT_STAFF and UNIT_HEAD, "
                    + "left out for every other role")
            String unitId) {
    }

    /** Why an administrator resets, disables or enables an account; optional. */
    record Reason(
            @Schema(description = "why the administrator does it, kept with the event; may be left out")
            @Size(max = 500) String reason) {
    }
}
