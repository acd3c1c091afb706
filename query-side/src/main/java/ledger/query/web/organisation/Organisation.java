package ledger.query.web.organisation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ledger.kernel.organisation.UnitKind;
import ledger.query.cadre.CadreRecordView;
import ledger.query.infrastructure.ViewPositions;
import ledger.query.unit.UnitRecordView;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The bureau's organisation as the personnel office reads it: units by kind with their head and cadres, and
 * every cadre with their posting, from the unit and cadre records (a page waits for its own write first).
 */
@Component
class Organisation {

    static final String CADRE_RECORDS = "cadre-records";
    static final String UNIT_RECORDS = "unit-records";

    /** How the page groups the units; the bureau office and the organ party committee are divisions too. */
    enum Group {
        DIVISIONS(Set.of(UnitKind.DIVISION, UnitKind.BUREAU_OFFICE, UnitKind.ORGAN_PARTY_COMMITTEE)),
        AFFILIATED_UNITS(Set.of(UnitKind.AFFILIATED_UNIT)),
        DISCIPLINE_GROUP(Set.of(UnitKind.STATIONED_DISCIPLINE_GROUP));

        private final Set<UnitKind> kinds;

        Group(Set<UnitKind> kinds) {
            this.kinds = kinds;
        }

        static Group of(String kind) {
            for (Group group : values()) {
                if (group.kinds.stream().anyMatch(k -> k.name().equals(kind))) {
                    return group;
                }
            }
            return DIVISIONS;
        }
    }

    /** A unit with the head in office today (null: none recorded) and the cadres posted in it now. */
    record UnitLine(UnitRecordView unit, CadreRecordView head, List<CadreRecordView> cadres) {
    }

    private final MongoTemplate mongo;
    private final ViewPositions positions;

    Organisation(MongoTemplate mongo, ViewPositions positions) {
        this.mongo = mongo;
        this.positions = positions;
    }

    /** Every cadre (also those who left), by name; after {@code minPosition} when a page wrote one. */
    List<CadreRecordView> cadres(Long minPosition) {
        positions.awaitPosition(CADRE_RECORDS, minPosition);
        List<CadreRecordView> all = new ArrayList<>(mongo.findAll(CadreRecordView.class));
        all.sort(Comparator.comparing(CadreRecordView::name, Comparator.nullsLast(Comparator.naturalOrder())));
        return all;
    }

    List<UnitRecordView> units(Long minPosition) {
        positions.awaitPosition(UNIT_RECORDS, minPosition);
        List<UnitRecordView> all = new ArrayList<>(mongo.findAll(UnitRecordView.class));
        all.sort(Comparator.comparing(UnitRecordView::name, Comparator.nullsLast(Comparator.naturalOrder())));
        return all;
    }

    CadreRecordView cadre(String cadreId) {
        return mongo.findById(cadreId, CadreRecordView.class);
    }

    /** The units in their groups, each with its head on {@code today} and its serving cadres. */
    Map<Group, List<UnitLine>> byGroup(List<UnitRecordView> units, List<CadreRecordView> cadres, LocalDate today) {
        Map<String, CadreRecordView> byId = new LinkedHashMap<>();
        cadres.forEach(c -> byId.put(c.cadreId(), c));
        Map<Group, List<UnitLine>> groups = new LinkedHashMap<>();
        for (Group group : Group.values()) {
            groups.put(group, new ArrayList<>());
        }
        for (UnitRecordView unit : units) {
            CadreRecordView head = unit.heads().stream()
                    .filter(h -> !h.from().isAfter(today) && (h.endedOn() == null || h.endedOn().isAfter(today)))
                    .map(h -> byId.get(h.cadreId())).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            List<CadreRecordView> posted = cadres.stream()
                    .filter(c -> unit.unitId().equals(c.unitId()) && c.leftBureauOn() == null).toList();
            groups.get(Group.of(unit.kind())).add(new UnitLine(unit, head, posted));
        }
        return groups;
    }

    static List<CadreRecordView> serving(List<CadreRecordView> cadres) {
        return cadres.stream().filter(c -> c.leftBureauOn() == null).toList();
    }
}
