package ledger.kernel.organisation;

import ledger.kernel.shared.Identifier;
import ledger.kernel.shared.Require;

/** A cadre (干部) whose track record is kept; bureau leaders are cadres too. */
public record CadreId(String value) implements Identifier {

    public CadreId {
        Require.id(value, "cadreId");
    }

    @Override
    public String toString() {
        return value;
    }
}
