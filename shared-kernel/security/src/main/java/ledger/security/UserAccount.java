package ledger.security;

import java.time.Instant;

import ledger.kernel.security.Role;

/** A login of the embedded user store. The password is kept only as a bcrypt hash. */
public record UserAccount(
        String username,
        String passwordHash,
        String personId,
        Role role,
        String unitId,
        String displayName,
        boolean enabled,
        String createdBy,
        Instant createdAt) {
}
