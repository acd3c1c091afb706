package ledger.query.web;

import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
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
        return of(month, List.of(pickedTaskIds)).get(0);
    }

    /**
     * One picker per set of task ids (a bulletin page shows its entries' evidence and the picker beside them),
     * from one read of the month's ledger, each task's timeline read once however many sets name it.
     */
    public List<Picker> of(YearMonth month, List<? extends Collection<String>> taskIdSets) {
        Map<String, String> tasks = new LinkedHashMap<>();
        for (LedgerTaskView task : ledger.month(month)) {
            tasks.put(task.taskId(), task.title());
        }
        Map<String, TaskEvents> read = new HashMap<>();
        return taskIdSets.stream().map(ids -> new Picker(tasks, ids.stream().distinct().filter(tasks::containsKey)
                .map(id -> read.computeIfAbsent(id, unread -> new TaskEvents(unread, tasks.get(unread),
                        timeline.of(unread).rows()))).toList())).toList();
    }
}
