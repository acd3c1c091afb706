package ledger.kernel.security;

import java.util.EnumSet;
import java.util.Set;

/** What a person may do in the system; one role per account. */
public enum Role {
    BUREAU_LEADER("局领导"),
    UNIT_HEAD("处室负责人"),
    UNIT_STAFF("处室工作人员"),
    BUREAU_OFFICE("局办公室"),
    ORGAN_PARTY_COMMITTEE("机关党委"),
    DISCIPLINE_INSPECTION("驻局纪检监察组"),
    PERSONNEL_OFFICE("人事处"),
    API_CLIENT("接口客户端"),
    ADMIN("系统管理员"),
    /** The system itself (the deadline watch); never an account's or a token's role. */
    SYSTEM("系统");

    /** The supervision group (督导组): bureau office, organ party committee, discipline inspection group. */
    public static final Set<Role> SUPERVISION_GROUP = EnumSet.of(BUREAU_OFFICE, ORGAN_PARTY_COMMITTEE, DISCIPLINE_INSPECTION);
    /** The supervision group members who verify a task's completion; the discipline inspection group only oversees. */
    public static final Set<Role> COMPLETION_VERIFIERS = EnumSet.of(BUREAU_OFFICE, ORGAN_PARTY_COMMITTEE);
    /** Who issues urging notices (督办通知) on tasks. */
    public static final Set<Role> URGING_ISSUERS = EnumSet.of(BUREAU_OFFICE, ORGAN_PARTY_COMMITTEE);
    /** Roles that belong to a unit and act for it. */
    public static final Set<Role> UNIT_ROLES = EnumSet.of(UNIT_HEAD, UNIT_STAFF);
    /** Everyone who does or oversees the bureau's work (not API clients, not the system administrator). */
    public static final Set<Role> BUREAU_STAFF = EnumSet.of(BUREAU_LEADER, UNIT_HEAD, UNIT_STAFF, BUREAU_OFFICE,
            ORGAN_PARTY_COMMITTEE, DISCIPLINE_INSPECTION, PERSONNEL_OFFICE);

    /**
     * Who records the organisation's facts on cadres and units (登记、调动、任职、考核、奖励、一线记实、失误与容错):
     * the personnel office. The command side's security rules and the web pages both read this set.
     */
    public static final Set<Role> PERSONNEL_RECORDERS = EnumSet.of(PERSONNEL_OFFICE);
    /** Who may approve an assessment correction (always a person other than the one who asked for it). */
    public static final Set<Role> ASSESSMENT_CORRECTION_APPROVERS = EnumSet.of(PERSONNEL_OFFICE, BUREAU_LEADER);
    /** Who opens accounts: the administrator any, the personnel office only {@link #PERSONNEL_OFFICE_GRANTS}. */
    public static final Set<Role> ACCOUNT_OPENERS = EnumSet.of(ADMIN, PERSONNEL_OFFICE);
    /** The roles the personnel office may give: unit roles, never a leader's, a supervisor's or an auditor's. */
    public static final Set<Role> PERSONNEL_OFFICE_GRANTS = EnumSet.of(UNIT_HEAD, UNIT_STAFF);

    /** Besides the cadre themself, who reads cadre records (assessments, mistakes and all). */
    public static final Set<Role> CADRE_RECORD_READERS = EnumSet.of(PERSONNEL_OFFICE, DISCIPLINE_INSPECTION,
            BUREAU_LEADER);

    /** Roles a person can sign in with. */
    public static final Set<Role> SIGN_IN_ROLES = EnumSet.complementOf(EnumSet.of(SYSTEM));

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
