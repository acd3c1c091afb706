package ledger.kernel.task;

/** Where a key task's requirement comes from (the supervision group keeps the ledger against these). */
public enum TaskSource {
    CENTRAL_COMMITTEE_STATE_COUNCIL("党中央国务院"),
    CITY_PARTY_COMMITTEE_GOVERNMENT("市委市政府"),
    MINISTRY("住建部"),
    PARTY_GROUP_MEETING("局党组会"),
    BUREAU_AFFAIRS_MEETING("局务会"),
    DIRECTORS_DELIBERATION_MEETING("局长议事会"),
    TASK_FORCE("工作难题专班");

    private final String label;

    TaskSource(String label) {
        this.label = label;
    }

    /** The Chinese label the bureau uses. */
    public String label() {
        return label;
    }
}
