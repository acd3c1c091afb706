package ledger.query.web.importing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import ledger.kernel.shared.BureauTime;
import ledger.kernel.task.TaskSource;
import ledger.query.web.Directory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Checks the rows of an uploaded ledger before anything is assigned: names resolved to the units and
 * serving bureau leaders the organisation recorded, dates read, required columns present; each problem a
 * sentence in the person's language. A row without problems becomes the body the assign form would send.
 * The command side still decides every row.
 */
final class ImportRows {

    static final int MAX_CO_UNITS = 20;
    private static final Pattern DAY = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*月?");
    private static final Pattern LIST = Pattern.compile("[、，,；;\\r\\n]+");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u3000]+");

    private final MessageSource messages;
    private final Map<String, List<Directory.Unit>> unitsByName;
    private final Map<String, List<Directory.Person>> leadersByName;
    private final Map<String, TaskSource> sourcesByName = new HashMap<>();

    /** One row checked: what was typed, its problems, and (without problems) the body to assign it with. */
    record Checked(int rowNumber, String title, String source, String leader, String unit, String coUnits,
                   String dueDate, String ledgerMonth, List<String> problems, Map<String, Object> body) {

        // public: the preview template calls it, and SpEL only finds public methods
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    ImportRows(Directory.Names names, MessageSource messages) {
        this.messages = messages;
        this.unitsByName = names.unitList().stream().filter(u -> u.name() != null)
                .collect(Collectors.groupingBy(u -> key(u.name()), LinkedHashMap::new, Collectors.toList()));
        this.leadersByName = names.leaders().stream().filter(p -> p.name() != null)
                .collect(Collectors.groupingBy(p -> key(p.name()), LinkedHashMap::new, Collectors.toList()));
        for (TaskSource source : TaskSource.values()) {
            sourcesByName.put(key(source.name()), source);
            sourcesByName.put(key(source.label()), source);
            sourcesByName.put(key(sourceName(source)), source);
        }
    }

    /** The sources as the bureau names them (the template lists these). */
    List<String> sourceNames() {
        return Arrays.stream(TaskSource.values()).map(this::sourceName).toList();
    }

    private String sourceName(TaskSource source) {
        return messages.getMessage("source." + source.name(), null, source.label(), Locale.SIMPLIFIED_CHINESE);
    }

    List<Checked> check(List<LedgerWorkbook.Typed> rows, YearMonth defaultMonth) {
        List<Checked> checked = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (LedgerWorkbook.Typed row : rows) {
            Checked one = check(row, defaultMonth);
            if (one.valid()) {
                // the same task twice in one file is most likely a copying slip, not two tasks
                String same = one.body().toString();
                Integer first = seen.putIfAbsent(same, one.rowNumber());
                if (first != null) {
                    List<String> problems = List.of(text("import.row.duplicate", first));
                    one = new Checked(one.rowNumber(), one.title(), one.source(), one.leader(), one.unit(),
                            one.coUnits(), one.dueDate(), one.ledgerMonth(), problems, Map.of());
                }
            }
            checked.add(one);
        }
        return List.copyOf(checked);
    }

    private Checked check(LedgerWorkbook.Typed row, YearMonth defaultMonth) {
        List<String> problems = new ArrayList<>();
        String title = required(row, LedgerWorkbook.TITLE, 200, problems);
        String description = optional(row, LedgerWorkbook.DESCRIPTION, 4000, problems);
        String sourceReference = optional(row, LedgerWorkbook.SOURCE_REFERENCE, 200, problems);

        String sourceTyped = row.cell(LedgerWorkbook.SOURCE);
        TaskSource source = null;
        if (sourceTyped.isEmpty()) {
            problems.add(text("import.row.missing", LedgerWorkbook.SOURCE));
        } else {
            source = sourcesByName.get(key(sourceTyped));
            if (source == null) {
                problems.add(text("import.row.sourceUnknown", sourceTyped, String.join("、", sourceNames())));
            }
        }

        String leaderTyped = row.cell(LedgerWorkbook.LEADER);
        String leaderId = resolve(leaderTyped, LedgerWorkbook.LEADER, leadersByName, Directory.Person::id,
                "import.row.leaderUnknown", "import.row.leaderAmbiguous", problems);
        String unitTyped = row.cell(LedgerWorkbook.UNIT);
        String unitId = resolve(unitTyped, LedgerWorkbook.UNIT, unitsByName, Directory.Unit::id,
                "import.row.unitUnknown", "import.row.unitAmbiguous", problems);

        String coUnitsTyped = row.cell(LedgerWorkbook.CO_UNITS);
        List<String> coUnitIds = new ArrayList<>();
        for (String name : coUnitNames(coUnitsTyped)) {
            List<Directory.Unit> found = unitsByName.getOrDefault(key(name), List.of());
            if (found.size() != 1) {
                problems.add(text(found.isEmpty() ? "import.row.coUnitUnknown" : "import.row.unitAmbiguous", name));
            } else if (found.get(0).id().equals(unitId)) {
                problems.add(text("import.row.coUnitIsLead", name));
            } else if (!coUnitIds.contains(found.get(0).id())) {
                coUnitIds.add(found.get(0).id());
            }
        }
        if (coUnitIds.size() > MAX_CO_UNITS) {
            problems.add(text("import.row.tooManyCoUnits", MAX_CO_UNITS));
        }

        String dueTyped = row.cell(LedgerWorkbook.DUE);
        LocalDate due = null;
        if (dueTyped.isEmpty()) {
            problems.add(text("import.row.missing", LedgerWorkbook.DUE));
        } else {
            due = day(dueTyped).orElse(null);
            if (due == null) {
                problems.add(text("import.row.dateBad", LedgerWorkbook.DUE, dueTyped));
            }
        }
        String monthTyped = row.cell(LedgerWorkbook.MONTH);
        YearMonth month = defaultMonth;
        if (!monthTyped.isEmpty()) {
            month = month(monthTyped).orElse(null);
            if (month == null) {
                problems.add(text("import.row.monthBad", monthTyped));
            }
        }

        Map<String, Object> body = new LinkedHashMap<>();
        if (problems.isEmpty()) {
            body.put("title", title);
            body.put("description", description);
            body.put("source", source.name());
            body.put("sourceReference", sourceReference);
            body.put("leadLeaderId", leaderId);
            body.put("leadUnitId", unitId);
            body.put("coUnitIds", List.copyOf(coUnitIds));
            body.put("dueDate", due.toString());
            body.put("ledgerMonth", month.toString());
        }
        return new Checked(row.rowNumber(), title == null ? row.cell(LedgerWorkbook.TITLE) : title, sourceTyped,
                leaderTyped, unitTyped, coUnitsTyped, due == null ? dueTyped : due.toString(),
                month == null ? monthTyped : month.toString(), List.copyOf(problems), body);
    }

    /**
     * The co-units as typed, split at 、 and the like. Names compare without spaces, so a space splits only
     * where the whole is no unit's name but each part is ("规划处 建设处"), never inside "测试处室 unit-b".
     */
    private List<String> coUnitNames(String typed) {
        List<String> names = new ArrayList<>();
        for (String piece : LIST.split(typed)) {
            String name = piece.strip();
            if (name.isEmpty()) {
                continue;
            }
            List<String> parts = List.of(SPACES.split(name));
            boolean severalNames = !unitsByName.containsKey(key(name)) && parts.size() > 1
                    && parts.stream().allMatch(part -> unitsByName.containsKey(key(part)));
            names.addAll(severalNames ? parts : List.of(name));
        }
        return names;
    }

    private <T> String resolve(String typed, String column, Map<String, List<T>> byName, Function<T, String> id,
                               String unknownKey, String ambiguousKey, List<String> problems) {
        if (typed.isEmpty()) {
            problems.add(text("import.row.missing", column));
            return null;
        }
        List<T> found = byName.getOrDefault(key(typed), List.of());
        if (found.size() == 1) {
            return id.apply(found.get(0));
        }
        problems.add(text(found.isEmpty() ? unknownKey : ambiguousKey, typed));
        return null;
    }

    private String required(LedgerWorkbook.Typed row, String column, int maxLength, List<String> problems) {
        String value = row.cell(column);
        if (value.isEmpty()) {
            problems.add(text("import.row.missing", column));
            return null;
        }
        return optional(row, column, maxLength, problems);
    }

    private String optional(LedgerWorkbook.Typed row, String column, int maxLength, List<String> problems) {
        String value = row.cell(column);
        if (value.codePointCount(0, value.length()) > maxLength) {
            problems.add(text("import.row.tooLong", column, String.valueOf(maxLength)));
        }
        return value.isEmpty() ? null : value;
    }

    /** 2026-06-30, 2026/6/30, 2026.6.30 or 2026年6月30日. */
    static Optional<LocalDate> day(String typed) {
        Matcher m = DAY.matcher(typed.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDate day = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            return BureauTime.isSupported(day) ? Optional.of(day) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** 2026-06, 2026/6 or 2026年6月 (a whole date names its month). */
    static Optional<YearMonth> month(String typed) {
        Optional<LocalDate> day = day(typed);
        if (day.isPresent()) {
            return day.map(YearMonth::from);
        }
        Matcher m = MONTH.matcher(typed.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            YearMonth month = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            return BureauTime.isSupported(month.atDay(1)) ? Optional.of(month) : Optional.empty();
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Names compare without spaces (full- or half-width). */
    private static String key(String name) {
        return name.replaceAll("[\\s\\u3000]", "");
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
