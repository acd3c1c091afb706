package ledger.query.web.ledger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;

/** The ledger page's table as an Excel workbook (Apache POI) or as CSV that Excel opens in Chinese. */
final class LedgerExport {

    private static final String[] COLUMNS = {"ledger.col.no", "ledger.col.light", "ledger.col.title",
            "ledger.col.source", "ledger.col.leader", "ledger.col.unit", "ledger.col.coUnits",
            "ledger.col.originalDue", "ledger.col.due", "ledger.col.progress", "ledger.col.status", "ledger.col.receipt",
            "ledger.col.urging"};

    private LedgerExport() {
    }

    private static List<String> cells(LedgerRows.Row row) {
        String title = row.carriedOverFrom() == null ? row.title() : row.title() + "（结转 " + row.carriedOverFrom() + "）";
        return List.of(String.valueOf(row.number()), row.light(), title, row.source(), row.leader(), row.unit(),
                row.coUnits(), row.originalDue(), row.due(), row.progress(), row.statusText(), row.receipt(),
                row.urging() == null ? "" : row.urging());
    }

    private static List<String> header(MessageSource messages, Locale locale) {
        return java.util.Arrays.stream(COLUMNS).map(key -> messages.getMessage(key, null, locale)).toList();
    }

    static byte[] xlsx(String sheetName, LedgerRows rows, MessageSource messages, Locale locale) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(sheetName);
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row head = sheet.createRow(0);
            List<String> names = header(messages, locale);
            for (int i = 0; i < names.size(); i++) {
                head.createCell(i).setCellValue(names.get(i));
                head.getCell(i).setCellStyle(bold);
            }
            int r = 1;
            for (LedgerRows.Row row : rows.rows()) {
                Row line = sheet.createRow(r++);
                List<String> cells = cells(row);
                line.createCell(0).setCellValue(row.number());
                for (int i = 1; i < cells.size(); i++) {
                    line.createCell(i).setCellValue(cells.get(i));
                }
            }
            sheet.createFreezePane(0, 1);
            int[] widths = {3, 3, 20, 8, 5, 8, 12, 6, 6, 25, 6, 10, 20};
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256 * 2);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** UTF-8 with a byte-order mark, so Excel reads the Chinese; fields quoted as RFC 4180 says. */
    static byte[] csv(LedgerRows rows, MessageSource messages, Locale locale) {
        StringBuilder text = new StringBuilder("\uFEFF");
        line(text, header(messages, locale));
        for (LedgerRows.Row row : rows.rows()) {
            line(text, cells(row));
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder text, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            String cell = cells.get(i) == null ? "" : cells.get(i);
            // a leading = + - @ would be a formula to Excel: keep it text
            if (!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0) {
                cell = "'" + cell;
            }
            text.append('"').append(cell.replace("\"", "\"\"")).append('"');
        }
        text.append("\r\n");
    }
}
