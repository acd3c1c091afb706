package ledger.kernel.account;

import ledger.kernel.organisation.UnitKind;

/**
 * What the organisation records about the person an account is for, looked up when the command
 * is sent, so the account's rules decide on recorded facts without reading anything themselves.
 * {@code unitId} and {@code unitKind} are those of the cadre's current posting.
 */
public record PersonFacts(boolean recordedCadre, String unitId, UnitKind unitKind, boolean personnelOffice,
                          boolean bureauLeader) {

    /** Nobody the organisation records (a client id, or an id nobody registered). */
    public static final PersonFacts NOT_RECORDED = new PersonFacts(false, null, null, false, false);
}
