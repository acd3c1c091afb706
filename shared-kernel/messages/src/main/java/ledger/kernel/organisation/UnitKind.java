package ledger.kernel.organisation;

public enum UnitKind {
    DIVISION("机关处室"),
    AFFILIATED_UNIT("局属单位");

    private final String label;

    UnitKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
