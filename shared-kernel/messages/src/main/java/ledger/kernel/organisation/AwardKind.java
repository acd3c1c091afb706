package ledger.kernel.organisation;

/** The yearly 双创双争 awards: two for units, two for cadres. */
public enum AwardKind {
    ADVANCED_PARTY_BRANCH("先进党支部", true),
    CIVILISED_UNIT("文明处室", true),
    EXCELLENT_PARTY_MEMBER("优秀共产党员", false),
    ADVANCED_WORKER("先进工作者", false);

    private final String label;
    private final boolean forUnits;

    AwardKind(String label, boolean forUnits) {
        this.label = label;
        this.forUnits = forUnits;
    }

    public String label() {
        return label;
    }

    public boolean forUnits() {
        return forUnits;
    }
}
