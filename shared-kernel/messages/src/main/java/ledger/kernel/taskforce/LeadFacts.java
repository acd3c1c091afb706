package ledger.kernel.taskforce;

import java.util.List;

import ledger.kernel.organisation.UnitId;
import ledger.kernel.shared.Require;

/**
 * What the organisation's records say about a proposed task force lead, looked up when the
 * command is made so the task force can decide on recorded facts: is the lead a bureau leader,
 * in charge of personnel, which areas, and which unit is the personnel office (null if none).
 */
public record LeadFacts(boolean bureauLeader, boolean inChargeOfPersonnel, List<String> areasInCharge,
                        UnitId personnelOfficeUnitId) {

    public LeadFacts {
        areasInCharge = List.copyOf(Require.present(areasInCharge, "areasInCharge"));
    }
}
