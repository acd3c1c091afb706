package ledger.query.web.statistics;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import ledger.kernel.security.Role;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import ledger.query.statistics.StatisticsReader;
import ledger.query.statistics.StatisticsView;
import ledger.query.statistics.StatisticsView.Figures;
import ledger.query.statistics.StatisticsView.Row;
import ledger.query.web.Directory;
import ledger.query.web.signin.SignedInPerson;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 统计: per month and over the period, per unit and per leader, as charts with the same numbers in a table
 * beside each. The tables are the page (complete without scripts); the charts are drawn by a static script
 * from the data each chart's element carries.
 */
@Controller
class StatisticsPageController {

    private final StatisticsReader statistics;
    private final Directory directory;
    private final MessageSource messages;
    private final ObjectMapper json;

    StatisticsPageController(StatisticsReader statistics, Directory directory, MessageSource messages,
                             ObjectMapper json) {
        this.statistics = statistics;
        this.directory = directory;
        this.messages = messages;
        this.json = json;
    }

    /** One table row: a name (month, unit or leader) and its figures. */
    public record Line(String name, Figures figures) {

        public String rate() {
            return percent(figures.onTimeRate());
        }
    }

    @GetMapping("/statistics")
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String month, @RequestParam(required = false) Long minPosition,
                @AuthenticationPrincipal SignedInPerson me,
                Model model) {
        // the same readers as the ledger's API: the bureau's people, not administrators or API clients
        if (!Role.BUREAU_STAFF.contains(me.role())) {
            throw new LedgerException(ErrorCode.NOT_PERMITTED, "Statistics are for the bureau's people");
        }
        YearMonth[] twelve = statistics.lastTwelveMonths();
        YearMonth last = month(to, twelve[1]);
        YearMonth first = month(from, last.minusMonths(11));
        boolean periodRefused = first.isAfter(last) || first.plusMonths(StatisticsReader.MAX_MONTHS - 1).isBefore(last);
        if (periodRefused) {
            last = twelve[1];
            first = twelve[0];
        }
        StatisticsView view = statistics.read(first, last, minPosition);
        YearMonth chosen = month(month, last);
        if (chosen.isBefore(first) || chosen.isAfter(last)) {
            chosen = last;
        }
        String chosenKey = chosen.toString();
        Directory.Names names = directory.names();
        List<Line> monthLines = view.months().stream().map(m -> new Line(m.month(), m.figures().total())).toList();
        StatisticsView.Breakdown ofMonth = view.months().stream().filter(m -> m.month().equals(chosenKey)).findFirst()
                .orElseThrow().figures();
        model.addAttribute("from", first.toString());
        model.addAttribute("to", last.toString());
        model.addAttribute("month", chosenKey);
        model.addAttribute("periodRefused", periodRefused);
        model.addAttribute("monthOptions", view.months().stream().map(StatisticsView.MonthFigures::month).toList());
        model.addAttribute("trend", monthLines);
        model.addAttribute("periodTotal", new Line(text("statistics.all"), view.period().total()));
        model.addAttribute("periodUnits", lines(view.period().byUnit(), names::unit));
        model.addAttribute("periodLeaders", lines(view.period().byLeader(), names::person));
        model.addAttribute("monthTotal", new Line(text("statistics.all"), ofMonth.total()));
        model.addAttribute("monthUnits", lines(ofMonth.byUnit(), names::unit));
        model.addAttribute("monthLeaders", lines(ofMonth.byLeader(), names::person));
        model.addAttribute("trendChart", trendChart(monthLines));
        model.addAttribute("periodUnitChart", barChart(lines(view.period().byUnit(), names::unit)));
        model.addAttribute("periodLeaderChart", barChart(lines(view.period().byLeader(), names::person)));
        model.addAttribute("monthUnitChart", barChart(lines(ofMonth.byUnit(), names::unit)));
        model.addAttribute("monthLeaderChart", barChart(lines(ofMonth.byLeader(), names::person)));
        return "statistics";
    }

    private static YearMonth month(String typed, YearMonth otherwise) {
        if (typed == null || typed.isBlank()) {
            return otherwise;
        }
        try {
            return YearMonth.parse(typed.strip());
        } catch (DateTimeParseException e) {
            return otherwise;
        }
    }

    private static List<Line> lines(List<Row> rows, Function<String, String> name) {
        return rows.stream().map(row -> new Line(name.apply(row.id()), row.figures())).toList();
    }

    static String percent(Double rate) {
        return rate == null ? "—" : String.format("%.1f%%", rate * 100);
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    /** The months: completed on time, late, overdue, escalated as stacked bars and the on-time rate as a line. */
    private String trendChart(List<Line> lines) {
        Map<String, Object> chart = base(lines);
        List<Map<String, Object>> series = bars(lines, true);
        series.add(Map.of("name", text("statistics.col.rate"), "type", "line", "axis", 1, "data",
                lines.stream().map(l -> l.figures().onTimeRate() == null ? null
                        : Math.round(l.figures().onTimeRate() * 1000) / 10.0).toList()));
        chart.put("series", series);
        chart.put("labels", monthLabels(lines));
        return write(chart);
    }

    /**
     * Short axis labels (12月, Dec), the year only under the first month and each January: twelve full
     * "2026-01" labels do not fit side by side in the chart's two fifths of a laptop's width.
     */
    private List<String> monthLabels(List<Line> lines) {
        java.util.Locale locale = LocaleContextHolder.getLocale();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            YearMonth month = YearMonth.parse(lines.get(i).name());
            String name = month.getMonth().getDisplayName(TextStyle.SHORT, locale);
            labels.add(i == 0 || month.getMonthValue() == 1
                    ? name + "\n" + messages.getMessage("statistics.axis.year", new Object[] {String.valueOf(month.getYear())},
                    locale) : name);
        }
        return labels;
    }

    private String barChart(List<Line> lines) {
        Map<String, Object> chart = base(lines);
        chart.put("series", bars(lines, false));
        chart.put("horizontal", true);
        return write(chart);
    }

    private Map<String, Object> base(List<Line> lines) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("categories", lines.stream().map(Line::name).toList());
        return chart;
    }

    private List<Map<String, Object>> bars(List<Line> lines, boolean stacked) {
        List<Map<String, Object>> series = new ArrayList<>();
        series.add(bar("statistics.col.onTime", lines, Figures::completedOnTime, stacked, "#1a7f37"));
        series.add(bar("statistics.col.late", lines, Figures::completedLate, stacked, "#bf8700"));
        series.add(bar("statistics.col.overdue", lines, Figures::overdue, stacked, "#cf222e"));
        series.add(bar("statistics.col.escalated", lines, Figures::escalated, stacked, "#8250df"));
        return series;
    }

    private Map<String, Object> bar(String key, List<Line> lines, ToIntFunction<Figures> value, boolean stacked,
                                    String colour) {
        Map<String, Object> bar = new LinkedHashMap<>();
        bar.put("name", text(key));
        bar.put("type", "bar");
        bar.put("stacked", stacked);
        bar.put("colour", colour);
        bar.put("data", lines.stream().map(l -> value.applyAsInt(l.figures())).toList());
        return bar;
    }

    private String write(Map<String, Object> chart) {
        try {
            return json.writeValueAsString(chart);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A chart's data could not be written", e);
        }
    }
}
