package ledger.kernel.bulletin;

import java.util.List;

import ledger.kernel.shared.InvalidMessageException;
import ledger.kernel.shared.Require;

/** One entry of a bulletin, naming the units, cadres and tasks concerned and the evidence events. */
public record BulletinEntry(String entryId, EntryKind kind, String text, List<String> unitIds, List<String> cadreIds,
                            List<String> taskIds, List<String> evidenceEventIds) {

    public BulletinEntry {
        Require.id(entryId, "entryId");
        Require.present(kind, "kind");
        text = Require.text(text, "text", 4000);
        unitIds = List.copyOf(unitIds == null ? List.of() : unitIds);
        cadreIds = List.copyOf(cadreIds == null ? List.of() : cadreIds);
        taskIds = List.copyOf(taskIds == null ? List.of() : taskIds);
        evidenceEventIds = List.copyOf(evidenceEventIds == null ? List.of() : evidenceEventIds);
        if (kind != EntryKind.PROGRESS && unitIds.isEmpty() && cadreIds.isEmpty() && taskIds.isEmpty()) {
            throw new InvalidMessageException("unitIds", "a highlight or problem names the units, cadres or tasks concerned");
        }
    }
}
