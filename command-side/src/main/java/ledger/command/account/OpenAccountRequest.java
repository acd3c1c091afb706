package ledger.command.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import ledger.kernel.security.Role;

/** Body of {@code POST /api/accounts}. */
record OpenAccountRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,39}") String username,
        @NotBlank @Size(min = 12, max = 128) String password,
        @NotBlank String personId,
        @NotNull Role role,
        String unitId,
        @NotBlank @Size(max = 60) String displayName) {
}
