package ledger.command.account;

import static ledger.kernel.security.Role.ADMIN;
import static ledger.kernel.security.Role.SYSTEM;

import java.util.Objects;

import ledger.kernel.account.PersonFacts;
import ledger.kernel.organisation.UnitKind;
import ledger.kernel.security.Actor;
import ledger.kernel.security.Role;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.InvalidMessageException;
import ledger.kernel.shared.LedgerException;

/**
 * Who may give an account which role, and what the organisation must record about its person.
 * An administrator gives any role; the personnel office gives only unit roles, so it can never
 * make itself a bureau leader, a supervisor or an auditor. Every role of the bureau's staff rests
 * on a recorded fact: a leader appointment, a posting in the unit, or a posting in the unit that
 * is the bureau office, the organ party committee, the stationed discipline group or the
 * personnel office. Clients and administrators need none. The system itself (first start) opens
 * the administrator and the demonstration accounts before any organisation is recorded.
 */
final class AccountGrantPolicy {

    private AccountGrantPolicy() {
    }

    static void check(Actor granter, Role role, String personId, String unitId, PersonFacts facts) {
        if (role == SYSTEM) {
            throw new InvalidMessageException("role", "SYSTEM is not a role a person can have");
        }
        boolean unitRole = Role.UNIT_ROLES.contains(role);
        if (unitRole && unitId == null) {
            throw new InvalidMessageException("unitId", "is required for " + role);
        }
        if (!unitRole && unitId != null) {
            throw new InvalidMessageException("unitId", "is given only for " + Role.UNIT_ROLES);
        }
        if (granter.role() == SYSTEM) {
            return;
        }
        mayGrant(granter, role);
        if (granter.personId().equals(personId)) {
            throw new LedgerException(ErrorCode.OWN_ACCOUNT, "Nobody gives themself an account or a role");
        }
        requireFacts(role, personId, unitId, facts);
    }

    /** Taking a role away is as strong as giving it: the personnel office cannot demote a supervisor. */
    static void mayGrant(Actor granter, Role role) {
        boolean allowed = granter.role() == SYSTEM || granter.role() == ADMIN
                || granter.role() == Role.PERSONNEL_OFFICE && Role.PERSONNEL_OFFICE_GRANTS.contains(role);
        if (!allowed) {
            throw new LedgerException(ErrorCode.GRANT_NOT_PERMITTED, granter.role() + " may not give or take "
                    + role + "; an administrator does");
        }
    }

    private static void requireFacts(Role role, String personId, String unitId, PersonFacts facts) {
        switch (role) {
            case BUREAU_LEADER -> require(facts.recordedCadre() && facts.bureauLeader(), personId
                    + " has no recorded bureau leader appointment");
            case UNIT_HEAD, UNIT_STAFF -> require(facts.recordedCadre() && Objects.equals(facts.unitId(), unitId),
                    personId + " is not a recorded cadre of " + unitId);
            case BUREAU_OFFICE -> requirePostedIn(UnitKind.BUREAU_OFFICE, personId, facts);
            case ORGAN_PARTY_COMMITTEE -> requirePostedIn(UnitKind.ORGAN_PARTY_COMMITTEE, personId, facts);
            case DISCIPLINE_INSPECTION -> requirePostedIn(UnitKind.STATIONED_DISCIPLINE_GROUP, personId, facts);
            case PERSONNEL_OFFICE -> require(facts.recordedCadre() && facts.personnelOffice(), personId
                    + " is not a recorded cadre of the personnel office");
            case API_CLIENT, ADMIN, SYSTEM -> {
                // a client id or an administrator: no person of the organisation behind it
            }
        }
    }

    private static void requirePostedIn(UnitKind kind, String personId, PersonFacts facts) {
        require(facts.recordedCadre() && facts.unitKind() == kind, personId + " is not a recorded cadre of a unit of kind "
                + kind + " (" + kind.label() + ")");
    }

    private static void require(boolean recorded, String detail) {
        if (!recorded) {
            throw new LedgerException(ErrorCode.NOT_RECORDED_FOR_ROLE, detail);
        }
    }
}
