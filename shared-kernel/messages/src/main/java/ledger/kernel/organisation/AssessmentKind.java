package ledger.kernel.organisation;

public enum AssessmentKind {
    REGULAR("平时考核"),
    ANNUAL("年度考核");

    private final String label;

    AssessmentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
