package ledger.kernel.shared;

/**
 * Stable codes for every refusal the system gives. Clients branch on the code, people read the
 * title. The kind tells the web layer which HTTP status to answer.
 */
public enum ErrorCode {

    INVALID_INPUT(Kind.INVALID_INPUT, "The request is malformed"),
    AUTHENTICATION_REQUIRED(Kind.UNAUTHENTICATED, "Sign in first"),
    NOT_PERMITTED(Kind.FORBIDDEN, "Your role does not allow this"),
    OWN_RECORD(Kind.FORBIDDEN, "Nobody decides on their own record"),
    CROSS_SITE_REQUEST(Kind.FORBIDDEN, "Requests that change something are accepted only from the service's own origin"),
    UNSUPPORTED_MEDIA_TYPE(Kind.UNSUPPORTED_MEDIA_TYPE, "Commands are sent as application/json"),
    PAYLOAD_TOO_LARGE(Kind.PAYLOAD_TOO_LARGE, "The request body is larger than the service accepts"),
    NOT_A_TASK_UNIT(Kind.FORBIDDEN, "Only the task's lead unit and co-units may do this"),
    ACCOUNT_EXISTS(Kind.CONFLICT, "An account with this user name already exists"),
    UNKNOWN_ACCOUNT(Kind.NOT_FOUND, "No such account"),
    GRANT_NOT_PERMITTED(Kind.FORBIDDEN, "Your role may not give an account this role"),
    OWN_ACCOUNT(Kind.FORBIDDEN, "Nobody changes the role of, disables or resets their own account"),
    WRONG_PASSWORD(Kind.FORBIDDEN, "The current password is not correct"),
    NOT_RECORDED_FOR_ROLE(Kind.RULE_VIOLATION, "The organisation does not record this person as the role needs"),
    ACCOUNT_DISABLED(Kind.RULE_VIOLATION, "The account is disabled"),
    ACCOUNT_NOT_DISABLED(Kind.RULE_VIOLATION, "The account is not disabled"),
    SAME_ROLE(Kind.RULE_VIOLATION, "The account already has this role and unit"),
    IDEMPOTENCY_KEY_REUSED(Kind.UNPROCESSABLE, "This Idempotency-Key was already used for a different request"),
    IDEMPOTENCY_KEY_IN_PROGRESS(Kind.CONFLICT, "A request with this Idempotency-Key is still being processed"),
    UNKNOWN_TASK(Kind.NOT_FOUND, "No such task"),
    UNKNOWN_RESOURCE(Kind.NOT_FOUND, "No such resource"),
    UNKNOWN_CADRE_RECORD(Kind.NOT_FOUND, "No such cadre"),
    UNKNOWN_VIEW_PROCESSOR(Kind.NOT_FOUND, "No such view processor"),
    REBUILD_REFUSED(Kind.CONFLICT, "The view cannot be rebuilt now"),
    TOO_MANY_STREAMS(Kind.UNAVAILABLE, "Too many live streams are open on this instance"),
    UNKNOWN_UNIT(Kind.RULE_VIOLATION, "The unit is not registered"),
    UNKNOWN_CADRE(Kind.RULE_VIOLATION, "The cadre is not registered"),
    NOT_A_BUREAU_LEADER(Kind.RULE_VIOLATION, "The lead leader must be a bureau leader"),
    ALREADY_REGISTERED(Kind.CONFLICT, "This id is already registered"),
    TRANSFER_TO_SAME_UNIT_AND_POSITION(Kind.RULE_VIOLATION, "The cadre already holds this unit and position"),
    TRANSFER_BEFORE_CURRENT_POSTING(Kind.RULE_VIOLATION, "A transfer cannot take effect before the current posting began"),
    PERSONNEL_TASK_FORCE_LEAD(Kind.RULE_VIOLATION, "A personnel task force is led by the bureau leader in charge of personnel"),
    PERSONNEL_OFFICE_NOT_A_MEMBER(Kind.RULE_VIOLATION, "A personnel task force includes the personnel office"),
    NOT_IN_CHARGE_OF_AREA(Kind.RULE_VIOLATION, "A business task force is led by the bureau leader in charge of its area"),
    NOT_THE_TASK_FORCE_LEAD(Kind.FORBIDDEN, "Only the task force's lead leader may do this"),
    TASK_FORCE_DISSOLVED(Kind.RULE_VIOLATION, "The task force is dissolved"),
    OPINION_REQUIRED(Kind.RULE_VIOLATION, "A problem is referred only with the task force's feasibility opinion"),
    REFERRAL_PENDING(Kind.RULE_VIOLATION, "The problem is already waiting for a meeting's decision"),
    NOT_REFERRED_TO_THIS_MEETING(Kind.RULE_VIOLATION, "The problem was not referred to this meeting"),
    UNKNOWN_TASK_FORCE_TASK(Kind.RULE_VIOLATION, "A linked task is not recorded"),
    MEETING_CLOSED(Kind.RULE_VIOLATION, "The meeting is closed; its record is final"),
    TASK_ALREADY_REVIEWED(Kind.RULE_VIOLATION, "This task was already reviewed at this meeting"),
    DUE_DATE_OUTSIDE_NEXT_MONTH(Kind.RULE_VIOLATION, "A task assigned at the meeting is due after the month it is for begins"),
    UNKNOWN_DIMENSION(Kind.RULE_VIOLATION, "Scores are given on the configured dimensions only"),
    VALUE_OFF_SCALE(Kind.RULE_VIOLATION, "The value does not lie on the score's scale"),
    SAME_VALUE(Kind.RULE_VIOLATION, "The correction does not change the value"),
    CORRECTION_PENDING(Kind.RULE_VIOLATION, "A correction of this score or assessment is already waiting for approval"),
    NO_CORRECTION_PENDING(Kind.RULE_VIOLATION, "There is no correction to approve"),
    FOUR_EYES(Kind.FORBIDDEN, "A correction is approved by someone other than the person who asked for it"),
    UNKNOWN_SUBJECT(Kind.RULE_VIOLATION, "The scored task, unit or cadre is not recorded"),
    BULLETIN_PUBLISHED(Kind.RULE_VIOLATION, "The bulletin is published and immutable; publish an erratum instead"),
    BULLETIN_NOT_PUBLISHED(Kind.RULE_VIOLATION, "Errata are published for a published bulletin only"),
    BULLETIN_BEING_SIGNED(Kind.RULE_VIOLATION, "Sign-off has begun; no entries are added now"),
    ALREADY_SIGNED(Kind.RULE_VIOLATION, "This member of the supervision group has already signed"),
    SIGN_OFFS_MISSING(Kind.RULE_VIOLATION, "Publication needs the sign-off of all three members of the supervision group"),
    UNKNOWN_ENTRY(Kind.RULE_VIOLATION, "The bulletin has no such entry"),
    DUPLICATE_ENTRY(Kind.RULE_VIOLATION, "The bulletin already has an entry with this id"),
    ANNUAL_ASSESSMENT_EXISTS(Kind.RULE_VIOLATION, "The cadre has an annual assessment for this year; correct it instead"),
    DUPLICATE_ASSESSMENT(Kind.RULE_VIOLATION, "An assessment with this id is already recorded"),
    UNKNOWN_ASSESSMENT(Kind.RULE_VIOLATION, "The cadre has no such assessment"),
    ASSESSMENT_AFTER_DEPARTURE(Kind.RULE_VIOLATION, "The cadre left the bureau before the end of this period"),
    ALREADY_LEFT(Kind.RULE_VIOLATION, "The cadre has already left the bureau"),
    AWARD_NOT_FOR_CADRES(Kind.RULE_VIOLATION, "This award is for units"),
    AWARD_NOT_FOR_UNITS(Kind.RULE_VIOLATION, "This award is for cadres"),
    NOT_ACTIVE_IN_YEAR(Kind.RULE_VIOLATION, "Awards go to cadres and units active in the award's year"),
    AWARD_ALREADY_GRANTED(Kind.RULE_VIOLATION, "This award was already granted for this year"),
    UNKNOWN_MISTAKE(Kind.RULE_VIOLATION, "The cadre's record has no such mistake"),
    MISTAKE_ALREADY_EXCUSED(Kind.RULE_VIOLATION, "This mistake is already excused"),
    PERSONNEL_ALREADY_IN_CHARGE(Kind.RULE_VIOLATION, "Another bureau leader is already in charge of personnel"),
    ALREADY_UNIT_HEAD(Kind.RULE_VIOLATION, "The cadre already heads this unit"),
    NO_UNIT_HEAD(Kind.RULE_VIOLATION, "The unit has no head in office"),
    HEADSHIP_BEFORE_LAST_CHANGE(Kind.RULE_VIOLATION,
            "A change of the unit's head takes effect after the current head's start, and not before the last end"),
    PROGRESS_MAY_NOT_DECREASE(Kind.RULE_VIOLATION, "Progress may not go below the last reported percentage"),
    PROGRESS_BEFORE_ASSIGNMENT(Kind.RULE_VIOLATION, "Progress may not be reported as of a time before the assignment"),
    UNKNOWN_MILESTONE(Kind.RULE_VIOLATION, "The task has no such milestone"),
    MILESTONE_ALREADY_REACHED(Kind.RULE_VIOLATION, "This milestone was already reported reached"),
    TASK_CLOSED(Kind.RULE_VIOLATION, "The task was cancelled or merged by a recorded decision"),
    TASK_COMPLETED(Kind.RULE_VIOLATION, "The task is completed; nothing more can be reported on it"),
    COMPLETION_ALREADY_CLAIMED(Kind.RULE_VIOLATION, "A completion claim is already waiting for verification"),
    NO_COMPLETION_CLAIMED(Kind.RULE_VIOLATION, "There is no completion claim to verify or reject"),
    NOT_THE_LEAD_UNIT(Kind.FORBIDDEN, "Only the lead unit may do this"),
    TASK_ALREADY_RECEIVED(Kind.RULE_VIOLATION, "The unit has already signed for this task"),
    UNKNOWN_URGING_NOTICE(Kind.RULE_VIOLATION, "The task has no such urging notice"),
    URGING_NOTICE_ANSWERED(Kind.RULE_VIOLATION, "The urging notice has already been answered"),
    NOT_THE_LEAD_LEADER(Kind.FORBIDDEN, "Only the task's lead leader may decide on its deadline"),
    DEADLINE_CHANGE_PENDING(Kind.RULE_VIOLATION, "A deadline change request is already waiting for the lead leader"),
    NO_DEADLINE_CHANGE_PENDING(Kind.RULE_VIOLATION, "There is no deadline change request to decide"),
    SAME_DUE_DATE(Kind.RULE_VIOLATION, "The proposed due date is the current one"),
    CONCURRENT_MODIFICATION(Kind.CONFLICT, "Someone else changed this at the same moment; reload and try again"),
    STALE_VERSION(Kind.STALE, "The version in If-Match is no longer the current one"),
    EVIDENCE_NOT_YET_CHECKPOINTED(Kind.UNAVAILABLE, "Not every event asked for is covered by a signed checkpoint yet"),
    EVIDENCE_INCOMPLETE(Kind.CONFLICT, "An event the evidence must hold is missing from the store; no package was built"),
    EVIDENCE_TAMPERED(Kind.CONFLICT, "An event the evidence must hold raised a tamper alarm; no package was built"),
    VIEW_NOT_YET_CURRENT(Kind.UNAVAILABLE, "The view has not yet caught up with the requested position"),
    VIEW_EVENT_PARKED(Kind.UNAVAILABLE, "An event up to the requested position is parked in the view's dead-letter queue"),
    STORE_UNAVAILABLE(Kind.UNAVAILABLE, "The event store failed while this was handled; try again");

    public enum Kind { INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, RULE_VIOLATION, CONFLICT, STALE, UNPROCESSABLE, UNAVAILABLE,
        UNSUPPORTED_MEDIA_TYPE, PAYLOAD_TOO_LARGE }

    private final Kind kind;
    private final String title;

    ErrorCode(Kind kind, String title) {
        this.kind = kind;
        this.title = title;
    }

    public Kind kind() {
        return kind;
    }

    public String title() {
        return title;
    }
}
