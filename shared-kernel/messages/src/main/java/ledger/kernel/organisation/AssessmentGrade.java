package ledger.kernel.organisation;

/** Grades of the regular (平时) and annual (年度) assessment. */
public enum AssessmentGrade {
    EXCELLENT("优秀"),
    COMPETENT("称职"),
    BASICALLY_COMPETENT("基本称职"),
    INCOMPETENT("不称职");

    private final String label;

    AssessmentGrade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
