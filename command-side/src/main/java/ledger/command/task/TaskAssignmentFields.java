package ledger.command.task;

/**
 * What the fields mean that assigning a task shares with assigning one at a deliberation meeting, for both
 * bodies' {@code @Schema} descriptions, so that the API documents them once.
 */
public final class TaskAssignmentFields {

    public static final String TITLE = "what is to be done (任务名称)";
    public static final String DESCRIPTION = "the details";
    public static final String LEAD_LEADER = "the lead leader (牵头领导): a cadre with a recorded leader appointment";
    public static final String LEAD_UNIT = "the registered unit that leads it (牵头处室)";
    public static final String CO_UNITS = "registered units that take part (配合处室), not the lead unit";

    private TaskAssignmentFields() {
    }
}
