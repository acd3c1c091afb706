package ledger.kernel.taskforce;

/** Who leads a task force depends on the kind of problem. */
public enum ProblemKind {
    /** Led by the bureau leader in charge of personnel, with the personnel office. */
    PERSONNEL("人事类难题"),
    /** Led by the bureau leader in charge of the area, with the business units concerned. */
    BUSINESS("业务类难题");

    private final String label;

    ProblemKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
