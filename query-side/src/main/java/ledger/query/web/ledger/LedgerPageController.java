package ledger.query.web.ledger;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import ledger.kernel.shared.BureauTime;
import ledger.kernel.task.TaskSource;
import ledger.query.ledger.LedgerReader;
import ledger.query.ledger.LedgerStream;
import ledger.query.ledger.TaskStatus;
import ledger.query.ledger.MonthLedgerView;
import ledger.query.web.Directory;
import ledger.web.RequestFields;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * 工作台账: a month's key tasks with their lights, filters, totals, "as it stood at", the meeting screen
 * (live) and exports of exactly what the page shows.
 */
@Controller
class LedgerPageController {

    static final List<String> STATUSES = java.util.Arrays.stream(TaskStatus.values()).map(Enum::name).toList();
    private static final int PAGE_SIZE = 200;

    private final LedgerReader ledger;
    private final LedgerStream stream;
    private final Directory directory;
    private final MessageSource messages;

    LedgerPageController(LedgerReader ledger, LedgerStream stream, Directory directory, MessageSource messages) {
        this.ledger = ledger;
        this.stream = stream;
        this.directory = directory;
        this.messages = messages;
    }

    /**
     * The filters as typed; anything not offered by the page filters nothing. {@code minPosition} (after a form,
     * the position of what it recorded) makes the page wait until the ledger shows it; links do not carry it.
     */
    public record Filters(String unit, String leader, String status, String source, String asOf, Integer page,
                          Long minPosition) {

        LedgerReader.Filter filter() {
            return new LedgerReader.Filter(blank(unit), blank(leader), status != null && STATUSES.contains(status) ? status : null,
                    java.util.Arrays.stream(TaskSource.values()).anyMatch(s -> s.name().equals(source)) ? source : null);
        }

        String query() {
            StringBuilder q = new StringBuilder();
            append(q, "unit", unit);
            append(q, "leader", leader);
            append(q, "status", status);
            append(q, "source", source);
            append(q, "asOf", asOf);
            return q.toString();
        }

        private static void append(StringBuilder q, String name, String value) {
            if (value != null && !value.isBlank()) {
                q.append(q.isEmpty() ? "?" : "&").append(name).append('=')
                        .append(java.net.URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
            }
        }

        int pageNumber() {
            return page == null || page < 0 ? 0 : page;
        }

        /** The moment as the page's datetime-local field gives it, in the bureau's time zone. */
        String asOfInstant() {
            String value = blank(asOf);
            if (value == null) {
                return null;
            }
            try {
                return java.time.LocalDateTime.parse(value).atZone(BureauTime.ZONE)
                        .toOffsetDateTime().toString();
            } catch (DateTimeParseException e) {
                return value;
            }
        }

        private static String blank(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    @GetMapping("/ledger")
    String thisMonth(@ModelAttribute("thisMonth") YearMonth thisMonth, @RequestParam(required = false) String month) {
        String chosen = month;
        try {
            chosen = month == null || month.isBlank() ? thisMonth.toString() : YearMonth.parse(month.strip()).toString();
        } catch (DateTimeParseException e) {
            chosen = thisMonth.toString();
        }
        return "redirect:/ledger/" + chosen;
    }

    private MonthLedgerView read(String month, Filters filters) {
        return ledger.month(RequestFields.month(month), filters.filter(), filters.pageNumber(),
                PAGE_SIZE, filters.minPosition() == null || filters.minPosition() < 0 ? null : filters.minPosition(),
                filters.asOfInstant());
    }

    @GetMapping("/ledger/{month}")
    String month(@PathVariable String month, Filters filters, Model model, Locale locale) {
        fill(month, filters, model, locale);
        return "ledger";
    }

    /** The table alone, for the meeting screen to swap in when a task changes. */
    @GetMapping("/ledger/{month}/rows")
    String rows(@PathVariable String month, Filters filters, Model model, Locale locale) {
        fill(month, filters, model, locale);
        return "ledger :: rows";
    }

    @GetMapping("/ledger/{month}/screen")
    String screen(@PathVariable String month, Filters filters, Model model, Locale locale) {
        fill(month, filters, model, locale);
        return "ledger-screen";
    }

    /** Each changed task of the month as a server-sent event: the screen reloads its table on it. */
    @GetMapping(path = "/ledger/{month}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live(@PathVariable String month,
                    @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        YearMonth ledgerMonth = RequestFields.month(month);
        long after = ledger.position().orElse(0);
        if (lastEventId != null && lastEventId.strip().matches("\\d{1,18}")) {
            after = Long.parseLong(lastEventId.strip());
        }
        return stream.subscribe(ledgerMonth.toString(), after);
    }

    @GetMapping("/ledger/{month}/export.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable String month, Filters filters, Model model, Locale locale) {
        LedgerRows rows = fill(month, filters, model, locale);
        return download(LedgerExport.xlsx(month, rows, messages, locale), "工作台账-" + month + ".xlsx",
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }

    @GetMapping("/ledger/{month}/export.csv")
    ResponseEntity<byte[]> csv(@PathVariable String month, Filters filters, Model model, Locale locale) {
        LedgerRows rows = fill(month, filters, model, locale);
        return download(LedgerExport.csv(rows, messages, locale), "工作台账-" + month + ".csv",
                new MediaType("text", "csv", StandardCharsets.UTF_8));
    }

    private static ResponseEntity<byte[]> download(byte[] body, String filename, MediaType type) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString()).body(body);
    }

    private LedgerRows fill(String month, Filters filters, Model model, Locale locale) {
        MonthLedgerView view = read(month, filters);
        Directory.Names names = directory.names();
        LedgerRows rows = LedgerRows.of(view.tasks(), view.page() * view.size() + 1, names, messages, locale);
        model.addAttribute("view", view);
        model.addAttribute("rows", rows.rows());
        model.addAttribute("names", names);
        model.addAttribute("filters", filters);
        model.addAttribute("query", filters.query());
        model.addAttribute("month", view.month());
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("sources", TaskSource.values());
        model.addAttribute("pages", Math.max(1, (view.taskCount() + view.size() - 1) / view.size()));
        return rows;
    }
}
