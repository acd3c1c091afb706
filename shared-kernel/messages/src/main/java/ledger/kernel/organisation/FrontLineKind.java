package ledger.kernel.organisation;

/** Where cadres are seen at work: urgent, difficult, dangerous and heavy tasks, reform, research. */
public enum FrontLineKind {
    URGENT_DIFFICULT_DANGEROUS_HEAVY("急难险重"),
    REFORM("改革攻坚"),
    RESEARCH("调查研究");

    private final String label;

    FrontLineKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
