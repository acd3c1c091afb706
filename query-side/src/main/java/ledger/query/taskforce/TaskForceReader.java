package ledger.query.taskforce;

import java.util.Comparator;
import java.util.List;

import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import ledger.query.infrastructure.ViewPositions;
import org.springframework.stereotype.Component;

/** Reads the task forces for the API and the web pages alike, waiting for a position when asked. */
@Component
public class TaskForceReader {

    static final String PROCESSOR = "task-forces";
    private static final Comparator<TaskForceView> NEWEST_FIRST =
            Comparator.comparing(TaskForceView::formedAt).reversed();

    private final TaskForceViews views;
    private final ViewPositions positions;

    TaskForceReader(TaskForceViews views, ViewPositions positions) {
        this.views = views;
        this.positions = positions;
    }

    /** Active task forces first, each group newest first. */
    public List<TaskForceView> all(Long minPosition) {
        positions.awaitPosition(PROCESSOR, minPosition);
        return views.all().stream().sorted(Comparator.comparing(TaskForceView::dissolved)
                .thenComparing(NEWEST_FIRST)).toList();
    }

    public TaskForceView taskForce(String taskForceId, Long minPosition) {
        positions.awaitPosition(PROCESSOR, minPosition, List.of(taskForceId));
        return views.find(taskForceId).orElseThrow(() -> new LedgerException(ErrorCode.UNKNOWN_RESOURCE,
                "No task force " + taskForceId + " is recorded"));
    }
}
