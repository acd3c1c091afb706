package ledger.kernel.bulletin;

public enum EntryKind {
    PROGRESS("工作进展"),
    HIGHLIGHT("工作亮点"),
    PROBLEM("存在问题");

    private final String label;

    EntryKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
