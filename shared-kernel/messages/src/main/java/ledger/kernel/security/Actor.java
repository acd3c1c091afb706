package ledger.kernel.security;

import ledger.kernel.shared.Require;

/**
 * Who acts: the person (their cadre id, or a client id), the role they act in, and their unit
 * when the role belongs to one. Always taken from the authenticated principal, never a request body.
 */
public record Actor(String personId, Role role, String unitId) {

    public Actor {
        Require.id(personId, "personId");
        Require.present(role, "role");
        if (unitId != null) {
            Require.id(unitId, "unitId");
        }
    }

    public boolean actsFor(String unit) {
        return unitId != null && unitId.equals(unit);
    }
}
