package ledger.query.web;

import java.time.YearMonth;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ledger.query.ledger.LedgerReader;
import ledger.query.ledger.LedgerTaskView;
import ledger.query.web.task.TaskTimeline;
import org.springframework.stereotype.Component;

/**
 * Evidence picked from lists (bulletin entries, scores): the tasks of a month's ledger, and the events on the
 * timelines of the tasks picked, each by its position, time and kind. Nobody types an event id.
 */
@Component
public class EvidencePicker {

    private final LedgerReader ledger;
    private final TaskTimeline timeline;

    EvidencePicker(LedgerReader ledger, TaskTimeline timeline) {
        this.ledger = ledger;
        this.timeline = timeline;
    }

    /** A picked task with the events of its timeline. */
    public record TaskEvents(String taskId, String title, List<TaskTimeline.Row> events) {
    }

    /** What the picker shows: the month's tasks by id, and the timelines of those picked. */
    public record Picker(Map<String, String> tasks, List<TaskEvents> picked) {

        public String title(String taskId) {
            String title = tasks.get(taskId);
            return title == null ? "〔" + taskId + "〕" : title;
        }

        /** The picked event of this id, to name it by position and kind (null when none of the picked has it). */
        public TaskTimeline.Row event(String eventId) {
            for (TaskEvents task : picked) {
                for (TaskTimeline.Row row : task.events()) {
                    if (row.eventId().equals(eventId)) {
                        return row;
                    }
                }
            }
            return null;
        }
    }

    /** The month's tasks (its own and those carried over), and the timelines of {@code pickedTaskIds}. */
    public Picker of(YearMonth month, Collection<String> pickedTaskIds) {
        Map<String, String> tasks = new LinkedHashMap<>();
        for (LedgerTaskView task : ledger.month(month)) {
            tasks.put(task.taskId(), task.title());
        }
        return new Picker(tasks, timelines(tasks, pickedTaskIds));
    }

    private List<TaskEvents> timelines(Map<String, String> tasks, Collection<String> taskIds) {
        return taskIds.stream().distinct().filter(tasks::containsKey)
                .map(id -> new TaskEvents(id, tasks.get(id), timeline.of(id).rows())).toList();
    }
}
