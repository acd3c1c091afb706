package ledger.kernel.organisation;

public enum UnitKind {
    DIVISION("机关处室"),
    AFFILIATED_UNIT("局属单位"),
    /** The bureau office (局办公室), a division whose staff act for the supervision group. */
    BUREAU_OFFICE("局办公室"),
    /** The organ party committee (机关党委), a division whose staff act for the supervision group. */
    ORGAN_PARTY_COMMITTEE("机关党委"),
    /** The discipline inspection group stationed in the bureau (驻局纪检监察组): not a division of the bureau. */
    STATIONED_DISCIPLINE_GROUP("驻局纪检监察组");

    private final String label;

    UnitKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
