package ledger.kernel.taskforce;

/** The meetings a major problem is referred to. */
public enum LeadershipMeeting {
    PARTY_GROUP_MEETING("局党组会"),
    BUREAU_AFFAIRS_MEETING("局务会");

    private final String label;

    LeadershipMeeting(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
