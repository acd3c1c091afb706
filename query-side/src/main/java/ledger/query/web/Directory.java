package ledger.query.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Names for the ids the views keep: units and people as the organisation recorded them (read from the
 * unit and cadre records, one small read each per page). A page shows a name, never an id; an id nobody
 * recorded is shown as it is, marked, rather than hidden.
 */
@Component
public class Directory {

    private final MongoTemplate mongo;

    Directory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public record Unit(String id, String name, String kind) {
    }

    public record Person(String id, String name, String unitId, String leaderTitle, boolean left) {

        public boolean bureauLeader() {
            return leaderTitle != null;
        }
    }

    /** Everything a page needs to name things, read once per request. */
    public Names names() {
        Map<String, Unit> units = new LinkedHashMap<>();
        Query unitQuery = new Query();
        unitQuery.fields().include("name", "kind");
        for (Document doc : mongo.find(unitQuery, Document.class, "unit_records")) {
            units.put(doc.getString("_id"), new Unit(doc.getString("_id"), doc.getString("name"), doc.getString("kind")));
        }
        Map<String, Person> people = new LinkedHashMap<>();
        Query cadreQuery = new Query();
        cadreQuery.fields().include("name", "unitId", "leadership", "leftBureauOn");
        for (Document doc : mongo.find(cadreQuery, Document.class, "cadre_records")) {
            Document leadership = doc.get("leadership", Document.class);
            people.put(doc.getString("_id"), new Person(doc.getString("_id"), doc.getString("name"),
                    doc.getString("unitId"), leadership == null ? null : leadership.getString("title"),
                    doc.get("leftBureauOn") != null));
        }
        return new Names(units, people);
    }

    /** The organisation's names at one moment. */
    public record Names(Map<String, Unit> units, Map<String, Person> people) {

        public String unit(String id) {
            if (id == null) {
                return "";
            }
            Unit unit = units.get(id);
            return unit == null || unit.name() == null ? "〔" + id + "〕" : unit.name();
        }

        public String person(String id) {
            if (id == null) {
                return "";
            }
            Person person = people.get(id);
            return person == null || person.name() == null ? "〔" + id + "〕" : person.name();
        }

        /**
         * A person as a picker lists them: the name with the unit (or, for a bureau leader, the title) beside it,
         * so two cadres of one name can be told apart.
         */
        public String pickerLabel(String id) {
            Person person = people.get(id);
            if (person == null) {
                return person(id);
            }
            String beside = person.unitId() != null ? unit(person.unitId()) : person.leaderTitle();
            return beside == null || beside.isBlank() ? person(id) : person(id) + "（" + beside + "）";
        }

        public String units(List<String> ids) {
            return ids == null ? "" : String.join("、", ids.stream().map(this::unit).toList());
        }

        public String people(List<String> ids) {
            return ids == null ? "" : String.join("、", ids.stream().map(this::person).toList());
        }

        public Optional<Unit> findUnit(String id) {
            return Optional.ofNullable(units.get(id));
        }

        /** Units by name, for pickers. */
        public List<Unit> unitList() {
            return units.values().stream().sorted(Comparator.comparing(Unit::name, Comparator.nullsLast(
                    Comparator.naturalOrder()))).toList();
        }

        /** Cadres still serving, by name, for pickers. */
        public List<Person> cadres() {
            return people.values().stream().filter(p -> !p.left())
                    .sorted(Comparator.comparing(Person::name, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
        }

        /** Serving bureau leaders by name, for pickers. */
        public List<Person> leaders() {
            return people.values().stream().filter(Person::bureauLeader).filter(p -> !p.left())
                    .sorted(Comparator.comparing(Person::name, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
        }
    }
}
