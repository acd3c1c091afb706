package ledger.store;

import java.util.Map;

/**
 * What one successful commit stored: its global positions and, per aggregate, the last sequence
 * number written (the aggregate's new version).
 */
public record CommitReceipt(long firstPosition, long lastPosition, Map<String, Long> aggregateVersions) {

    public CommitReceipt {
        aggregateVersions = Map.copyOf(aggregateVersions);
    }
}
