package ledger.query.notification;

/**
 * Why a person is told something; each names its texts in {@code notification/messages} (subject
 * and text, with the arguments the projection recorded). A new cause is a constant, its texts, and
 * the event handler in {@link NotificationProjection} that says who is concerned.
 */
public enum NotificationCause {
    /** Yellow: the due date is near (临近提醒). */
    TASK_AT_RISK,
    /** Red: the due date passed (到期催办). */
    DEADLINE_MISSED,
    /** A deadline-change request waits for the lead leader's decision. */
    DEADLINE_CHANGE_REQUESTED,
    /** A completion claim waits for the supervision group's verification. */
    COMPLETION_CLAIMED,
    /** The supervision group urged a task: the lead unit is to reply by a day (督办通知). */
    URGING_NOTICE_ISSUED,
    /** The day to reply to an urging notice passed without a reply. */
    URGING_NOTICE_UNANSWERED,
    /** A unit had not signed for a task when its receipt days ran out. */
    TASK_RECEIVED_LATE;

    String subjectKey() {
        return "notification." + name() + ".subject";
    }

    String textKey() {
        return "notification." + name() + ".text";
    }
}
