package ledger.command.organisation;

import static com.mongodb.client.model.Filters.eq;

import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import ledger.kernel.account.PersonFacts;
import ledger.kernel.organisation.BureauLeaderAppointedEvent;
import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.CadreRegisteredEvent;
import ledger.kernel.organisation.CadreTransferredEvent;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.organisation.UnitKind;
import ledger.kernel.organisation.UnitRegisteredEvent;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.taskforce.LeadFacts;
import ledger.kernel.shared.LedgerException;
import ledger.store.StoreConnection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The command side's own lookup of the organisation, for rules that span aggregates (is this a
 * registered unit, is this cadre a bureau leader, who is in charge of personnel). Fed by a
 * subscribing processor, so it is updated with the command that changed it; never read from
 * the query side. Every lookup is by key.
 */
@Component
@ProcessingGroup(OrganisationDirectory.PROCESSOR)
public class OrganisationDirectory {

    static final String PROCESSOR = "organisation-directory";
    private static final String PERSONNEL_LEADER = "personnel-leader";
    private static final String PERSONNEL_OFFICE = "personnel-office";

    private final MongoCollection<Document> units;
    private final MongoCollection<Document> cadres;
    private final MongoCollection<Document> roles;

    OrganisationDirectory(MongoClient client, StoreConnection connection) {
        MongoDatabase database = client.getDatabase(connection.database());
        this.units = database.getCollection("directory_units");
        this.cadres = database.getCollection("directory_cadres");
        this.roles = database.getCollection("directory_roles");
    }

    @EventHandler
    void on(UnitRegisteredEvent event) {
        units.replaceOne(eq("_id", event.unitId().value()), new Document("_id", event.unitId().value())
                .append("name", event.name()).append("kind", event.kind().name()), new ReplaceOptions().upsert(true));
        if (event.personnelOffice()) {
            roles.replaceOne(eq("_id", PERSONNEL_OFFICE), new Document("_id", PERSONNEL_OFFICE)
                    .append("unitId", event.unitId().value()), new ReplaceOptions().upsert(true));
        }
    }

    @EventHandler
    void on(CadreRegisteredEvent event) {
        // a member of the bureau's leadership (局领导班子) is in no unit
        cadres.replaceOne(eq("_id", event.cadreId().value()), new Document("_id", event.cadreId().value())
                .append("unitId", event.unitId() == null ? null : event.unitId().value()).append("bureauLeader", false),
                new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(CadreTransferredEvent event) {
        cadres.updateOne(eq("_id", event.cadreId().value()), Updates.set("unitId", event.toUnitId().value()));
    }

    @EventHandler
    void on(BureauLeaderAppointedEvent event) {
        cadres.updateOne(eq("_id", event.cadreId().value()), Updates.combine(Updates.set("bureauLeader", true),
                Updates.set("areasInCharge", event.areasInCharge()),
                Updates.set("inChargeOfPersonnel", event.inChargeOfPersonnel())));
        if (event.inChargeOfPersonnel()) {
            roles.replaceOne(eq("_id", PERSONNEL_LEADER), new Document("_id", PERSONNEL_LEADER)
                    .append("cadreId", event.cadreId().value()), new ReplaceOptions().upsert(true));
        }
    }

    public void requireUnit(UnitId unit) {
        if (units.find(eq("_id", unit.value())).first() == null) {
            throw new LedgerException(ErrorCode.UNKNOWN_UNIT, "Unit " + unit + " is not registered");
        }
    }

    public void requireCadre(CadreId cadre) {
        if (cadres.find(eq("_id", cadre.value())).first() == null) {
            throw new LedgerException(ErrorCode.UNKNOWN_CADRE, "Cadre " + cadre + " is not registered");
        }
    }

    public void requireBureauLeader(CadreId cadre) {
        Document found = cadres.find(eq("_id", cadre.value())).first();
        if (found == null || !found.getBoolean("bureauLeader", false)) {
            throw new LedgerException(ErrorCode.NOT_A_BUREAU_LEADER, cadre + " is not a bureau leader");
        }
    }

    /** The recorded facts about a proposed task force lead. */
    public LeadFacts leadFacts(CadreId cadre) {
        Document found = cadres.find(eq("_id", cadre.value())).first();
        UnitId office = personnelOffice().orElse(null);
        if (found == null) {
            return new LeadFacts(false, false, List.of(), office);
        }
        return new LeadFacts(found.getBoolean("bureauLeader", false), found.getBoolean("inChargeOfPersonnel", false),
                found.getList("areasInCharge", String.class, List.of()), office);
    }

    /** What is recorded about a person an account is asked for: their posting, its unit's kind, leadership. */
    public PersonFacts personFacts(String personId) {
        Document cadre = cadres.find(eq("_id", personId)).first();
        if (cadre == null) {
            return PersonFacts.NOT_RECORDED;
        }
        String unitId = cadre.getString("unitId");
        Document unit = unitId == null ? null : units.find(eq("_id", unitId)).first();
        UnitKind kind = unit == null ? null : UnitKind.valueOf(unit.getString("kind"));
        boolean personnel = unitId != null && personnelOffice().map(office -> office.value().equals(unitId)).orElse(false);
        return new PersonFacts(true, unitId, kind, personnel, cadre.getBoolean("bureauLeader", false));
    }

    public Optional<UnitId> personnelOffice() {
        Document found = roles.find(eq("_id", PERSONNEL_OFFICE)).first();
        return found == null ? Optional.empty() : Optional.of(new UnitId(found.getString("unitId")));
    }

    public Optional<CadreId> leaderInChargeOfPersonnel() {
        Document found = roles.find(eq("_id", PERSONNEL_LEADER)).first();
        return found == null ? Optional.empty() : Optional.of(new CadreId(found.getString("cadreId")));
    }
}
