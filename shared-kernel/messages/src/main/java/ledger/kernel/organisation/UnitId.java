package ledger.kernel.organisation;

import ledger.kernel.shared.Identifier;
import ledger.kernel.shared.Require;

/** A division of the bureau (机关处室) or an affiliated unit (局属单位). */
public record UnitId(String value) implements Identifier {

    public UnitId {
        Require.id(value, "unitId");
    }

    @Override
    public String toString() {
        return value;
    }
}
