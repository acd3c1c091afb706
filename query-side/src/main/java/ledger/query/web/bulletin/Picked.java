package ledger.query.web.bulletin;

import java.util.List;

/** What an entry form picked from the lists: units, cadres, tasks and the tasks' events as evidence. */
public record Picked(List<String> unitIds, List<String> cadreIds, List<String> taskIds, List<String> evidenceEventIds) {
    static final Picked NONE = new Picked(List.of(), List.of(), List.of(), List.of());

    static Picked of(List<String> unitIds, List<String> cadreIds, List<String> taskIds, List<String> eventIds) {
        return new Picked(clean(unitIds), clean(cadreIds), clean(taskIds), clean(eventIds));
    }

    private static List<String> clean(List<String> ids) {
        return ids == null ? List.of() : ids.stream().filter(id -> !id.isBlank()).distinct().toList();
    }
}
