package ledger.kernel.bulletin;

import java.time.YearMonth;

import ledger.kernel.shared.Identifier;
import ledger.kernel.shared.Require;

/** The monthly bulletin (督查通报); one per month, so its id is the month's. */
public record BulletinId(String value) implements Identifier {

    public BulletinId {
        Require.id(value, "bulletinId");
    }

    public static BulletinId of(YearMonth month) {
        return new BulletinId("bulletin-" + month);
    }

    @Override
    public String toString() {
        return value;
    }
}
