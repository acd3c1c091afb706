package ledger.kernel.task;

import java.time.LocalDate;

/**
 * A task event after which the task is due on {@link #dueDate()}. Every event that gives a task a
 * due date (assignment, an approved change, a leadership decision) is one, so whatever follows due
 * dates (the deadline watch, views) handles this one type and cannot miss a new source.
 */
public interface DueDateSet {

    TaskId taskId();

    LocalDate dueDate();
}
