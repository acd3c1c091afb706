package ledger.query.web.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import ledger.query.web.CommandSide;
import ledger.query.web.Directory;
import ledger.query.web.Form;
import ledger.query.web.SignInLapsedException;
import ledger.query.web.signin.SignedInPerson;
import ledger.query.web.task.TaskActions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * 导入台账: the bureau's existing Excel ledger, uploaded, previewed row by row with each row's problems,
 * then its valid rows assigned, each as its own command through the command side's API exactly as the
 * assign form sends it. Each row carries an idempotency key made from the file and the row, so submitting
 * the preview twice (or importing the same file again) assigns nothing twice. Nothing is kept between
 * preview and assignment but what the preview form carries.
 */
@Controller
class ImportPageController {

    private static final Set<String> BODY_FIELDS = Set.of("title", "description", "source", "sourceReference",
            "leadLeaderId", "leadUnitId", "coUnitIds", "dueDate", "ledgerMonth");
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Directory directory;
    private final CommandSide commandSide;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final DataSize maxSize;
    private final int maxRows;

    ImportPageController(Directory directory, CommandSide commandSide, MessageSource messages, ObjectMapper json,
                         @Value("${ledger.web.import.max-size:2MB}") DataSize maxSize,
                         @Value("${ledger.web.import.max-rows:500}") int maxRows) {
        this.directory = directory;
        this.commandSide = commandSide;
        this.messages = messages;
        this.json = json;
        this.maxSize = maxSize;
        this.maxRows = maxRows;
    }

    /** One valid row as the preview form carries it to the assignment. */
    record Planned(int row, String title, Map<String, Object> body) {
    }

    /** What became of one row: assigned (with its task and the position to read it at) or refused, and why. */
    record Outcome(int row, String title, String taskId, Long position, String problem) {

        // public: the result template calls it, and SpEL only finds public methods
        public boolean assigned() {
            return taskId != null;
        }

        public String link() {
            return "/tasks/" + taskId + (position == null ? "" : "?minPosition=" + position);
        }
    }

    @GetMapping("/tasks/import")
    String page(@AuthenticationPrincipal SignedInPerson me, Model model, @RequestParam(required = false) String month) {
        TaskActions.requireMayAssign(me);
        return uploadPage(model, null, month);
    }

    @GetMapping("/tasks/import/template.xlsx")
    ResponseEntity<byte[]> template(@AuthenticationPrincipal SignedInPerson me, Model model) {
        TaskActions.requireMayAssign(me);
        Directory.Names names = directory.names();
        ImportRows rows = new ImportRows(names, messages);
        byte[] file = LedgerWorkbook.template(rows.sourceNames(),
                names.leaders().stream().map(Directory.Person::name).toList(),
                names.unitList().stream().map(Directory.Unit::name).toList(), thisMonth(model).atEndOfMonth());
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("台账导入模板.xlsx", StandardCharsets.UTF_8).build().toString())
                .body(file);
    }

    @PostMapping("/tasks/import/preview")
    String preview(@RequestParam(name = "file", required = false) MultipartFile file,
                   @RequestParam(required = false) String ledgerMonth, @AuthenticationPrincipal SignedInPerson me,
                   Model model, HttpServletResponse response) throws IOException {
        TaskActions.requireMayAssign(me);
        YearMonth defaultMonth = ImportRows.month(ledgerMonth == null ? "" : ledgerMonth).orElse(null);
        if (file == null || file.isEmpty()) {
            response.setStatus(400);
            return uploadPage(model, text("import.problem.noFile"), ledgerMonth);
        }
        if (file.getSize() > maxSize.toBytes()) {
            response.setStatus(413);
            return uploadPage(model, text("import.problem.tooLarge", maxSize.toMegabytes() + " MB"), ledgerMonth);
        }
        byte[] bytes = file.getBytes();
        LedgerWorkbook.Read read;
        try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
            read = LedgerWorkbook.read(in, maxRows);
        }
        if (read.problemKey() != null) {
            response.setStatus(400);
            return uploadPage(model, text(read.problemKey(), read.problemArgument()), ledgerMonth);
        }
        Directory.Names names = directory.names();
        List<ImportRows.Checked> checked = new ImportRows(names, messages).check(read.rows(),
                defaultMonth == null ? thisMonth(model) : defaultMonth);
        List<String> planned = new ArrayList<>();
        for (ImportRows.Checked row : checked) {
            if (row.valid()) {
                planned.add(write(new Planned(row.rowNumber(), row.title(), row.body())));
            }
        }
        model.addAttribute("fileName", file.getOriginalFilename() == null ? "" : file.getOriginalFilename());
        model.addAttribute("rows", checked);
        model.addAttribute("planned", planned);
        model.addAttribute("upload", sha256(bytes));
        model.addAttribute("validCount", planned.size());
        // the upload form below the preview, for the next file, keeps the limit and the month chosen
        return uploadPage(model, null, ledgerMonth);
    }

    @PostMapping("/tasks/import")
    String assign(@RequestParam(required = false) String upload,
                  @RequestParam(name = "row", required = false) List<String> rows,
                  @AuthenticationPrincipal SignedInPerson me, Model model, HttpServletResponse response) {
        TaskActions.requireMayAssign(me);
        List<Planned> planned = read(upload, rows);
        if (planned == null) {
            response.setStatus(400);
            return uploadPage(model, text("import.problem.badSubmission"), null);
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Planned row : planned) {
            CommandSide.Outcome outcome = commandSide.send(me, "/api/tasks", row.body(), null, key(upload, row));
            if (outcome.signInLapsed()) {
                // the rows sent so far stand; sending the preview again after signing in repeats none of them
                throw new SignInLapsedException();
            }
            if (outcome.accepted()) {
                outcomes.add(new Outcome(row.row(), row.title(), outcome.id(), outcome.position(), null));
            } else {
                Form form = new Form(Map.of(), messages);
                form.refused(outcome);
                outcomes.add(new Outcome(row.row(), row.title(), null, null, form.getGeneral()));
            }
        }
        model.addAttribute("outcomes", outcomes);
        model.addAttribute("assignedCount", outcomes.stream().filter(Outcome::assigned).count());
        model.addAttribute("failedCount", outcomes.stream().filter(o -> !o.assigned()).count());
        return "task-import-result";
    }

    private String uploadPage(Model model, String problem, String month) {
        model.addAttribute("problem", problem);
        model.addAttribute("maxSize", maxSize.toMegabytes() + " MB");
        model.addAttribute("defaultMonth", ImportRows.month(month == null ? "" : month)
                .map(YearMonth::toString).orElse(thisMonth(model).toString()));
        return "task-import";
    }

    private static YearMonth thisMonth(Model model) {
        return (YearMonth) model.getAttribute("thisMonth");
    }

    /** The preview form's rows, or null when they are not what the preview wrote. */
    @SuppressWarnings("unchecked")
    private List<Planned> read(String upload, List<String> rows) {
        if (upload == null || !upload.matches("[0-9a-f]{64}") || rows == null || rows.isEmpty()
                || rows.size() > maxRows) {
            return null;
        }
        List<Planned> planned = new ArrayList<>();
        for (String row : rows) {
            try {
                Planned one = json.readValue(row, Planned.class);
                if (one.body() == null || !BODY_FIELDS.containsAll(one.body().keySet()) || one.row() < 2) {
                    return null;
                }
                planned.add(one);
            } catch (JsonProcessingException e) {
                return null;
            }
        }
        return planned;
    }

    private String write(Planned row) {
        try {
            return json.writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A row could not be written", e);
        }
    }

    /** One row of one file: the same file's same row (and content) makes the same key. */
    private String key(String upload, Planned row) {
        return "import-" + sha256((upload + ":" + row.row() + ":" + write(new Planned(row.row(), null,
                new java.util.TreeMap<>(row.body())))).getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
