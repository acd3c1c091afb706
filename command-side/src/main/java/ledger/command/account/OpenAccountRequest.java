package ledger.command.account;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import ledger.kernel.security.Role;

/** Body of {@code POST /api/accounts}. */
record OpenAccountRequest(
        @Schema(description = "the sign-in name: 3–40 of a-z, 0-9, dot, underscore, hyphen")
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,39}") String username,
        @Schema(description = "the first password; kept only as a bcrypt hash")
        @NotBlank @Size(min = 12, max = 128) String password,
        @Schema(description = "whose account: a recorded cadre as the role needs (a client id for API_CLIENT and ADMIN)")
        @NotBlank String personId,
        @Schema(description = "the role the account signs in with; who may give which: README, Signing in and roles")
        @NotNull Role role,
        @Schema(description = "the recorded unit the person is posted in; required for UNIT_STAFF and UNIT_HEAD, left out for every "
                + "other role")
        String unitId,
        @Schema(description = "the name the pages show for the account, e.g. 张伟") @NotBlank @Size(max = 60) String displayName) {
}
