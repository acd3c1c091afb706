package ledger.query.web.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The bureau's Excel ledger as the import reads it: the first sheet, headers in the first row (the columns
 * of the assign form, by their Chinese names, in any order), one task a row. Also writes the template.
 */
final class LedgerWorkbook {

    static final String TITLE = "任务名称";
    static final String DESCRIPTION = "任务内容";
    static final String SOURCE = "来源";
    static final String SOURCE_REFERENCE = "来源文号";
    static final String LEADER = "牵头领导";
    static final String UNIT = "牵头单位";
    static final String CO_UNITS = "协办单位";
    static final String DUE = "完成时限";
    static final String MONTH = "台账月份";
    static final List<String> COLUMNS = List.of(TITLE, DESCRIPTION, SOURCE, SOURCE_REFERENCE, LEADER, UNIT, CO_UNITS,
            DUE, MONTH);
    static final List<String> REQUIRED_COLUMNS = List.of(TITLE, SOURCE, LEADER, UNIT, DUE);

    private LedgerWorkbook() {
    }

    /** One row as typed: its number as Excel shows it (the header is row 1) and its cells by header. */
    record Typed(int rowNumber, Map<String, String> cells) {

        String cell(String column) {
            String value = cells.get(column);
            return value == null ? "" : value.strip();
        }
    }

    /** What the file held: its rows, or why it could not be read (a message key and its argument). */
    record Read(List<Typed> rows, String problemKey, Object problemArgument) {

        static Read problem(String key, Object argument) {
            return new Read(List.of(), key, argument);
        }
    }

    static Read read(InputStream file, int maxRows) {
        try (Workbook workbook = new XSSFWorkbook(file)) {
            if (workbook.getNumberOfSheets() == 0) {
                return Read.problem("import.problem.noRows", null);
            }
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(java.util.Locale.SIMPLIFIED_CHINESE);
            Row header = sheet.getRow(sheet.getFirstRowNum());
            Map<Integer, String> columns = new LinkedHashMap<>();
            if (header != null) {
                for (Cell cell : header) {
                    String name = formatter.formatCellValue(cell).replaceAll("[\\s*＊]", "");
                    if (COLUMNS.contains(name)) {
                        columns.putIfAbsent(cell.getColumnIndex(), name);
                    }
                }
            }
            List<String> missing = REQUIRED_COLUMNS.stream().filter(c -> !columns.containsValue(c)).toList();
            if (!missing.isEmpty()) {
                return Read.problem("import.problem.noHeader", String.join("、", missing));
            }
            List<Typed> rows = new ArrayList<>();
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                boolean any = false;
                for (Map.Entry<Integer, String> column : columns.entrySet()) {
                    String value = text(row.getCell(column.getKey()), formatter);
                    cells.put(column.getValue(), value);
                    any |= !value.isBlank();
                }
                if (!any) {
                    continue;
                }
                if (rows.size() == maxRows) {
                    return Read.problem("import.problem.tooManyRows", maxRows);
                }
                rows.add(new Typed(r + 1, cells));
            }
            return rows.isEmpty() ? Read.problem("import.problem.noRows", null) : new Read(List.copyOf(rows), null, null);
        } catch (IOException | RuntimeException e) {
            // POI reports a file that is not a workbook in several ways; all mean the same to the person
            return Read.problem("import.problem.notXlsx", null);
        }
    }

    /** A cell as text; a date cell as yyyy-MM-dd, whatever its display format. */
    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            LocalDate day = cell.getLocalDateTimeCellValue().toLocalDate();
            return day.toString();
        }
        return formatter.formatCellValue(cell).strip();
    }

    /** The template: the headers (required ones marked), one example row, and a sheet naming the choices. */
    static byte[] template(List<String> sources, List<String> leaders, List<String> units, LocalDate exampleDue) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("台账");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(COLUMNS.get(c));
                cell.setCellStyle(bold);
                sheet.setColumnWidth(c, (c == 0 || c == 1 ? 30 : 14) * 256);
            }
            Row example = sheet.createRow(1);
            List<String> values = List.of("（示例）老旧小区改造", "完成 12 个小区的改造", sources.isEmpty() ? "" : sources.get(0),
                    "", leaders.isEmpty() ? "" : leaders.get(0), units.isEmpty() ? "" : units.get(0),
                    units.size() > 1 ? units.get(1) : "", exampleDue.toString(),
                    exampleDue.toString().substring(0, 7));
            for (int c = 0; c < values.size(); c++) {
                example.createCell(c).setCellValue(values.get(c));
            }
            Sheet help = workbook.createSheet("说明");
            int r = 0;
            r = line(help, r, "必填：" + String.join("、", REQUIRED_COLUMNS) + "。完成时限写作 2026-06-30，台账月份写作 2026-06"
                    + "（不填则计入上传时所选的月份）；多个协办单位用“、”分隔。删除示例行后填写。");
            r = line(help, r + 1, "来源可填：");
            for (String source : sources) {
                r = line(help, r, source);
            }
            r = line(help, r + 1, "牵头领导（姓名）：");
            for (String leader : leaders) {
                r = line(help, r, leader);
            }
            r = line(help, r + 1, "单位（名称）：");
            for (String unit : units) {
                r = line(help, r, unit);
            }
            help.setColumnWidth(0, 80 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("The template could not be written", e);
        }
    }

    private static int line(Sheet sheet, int row, String text) {
        sheet.createRow(row).createCell(0).setCellValue(text);
        return row + 1;
    }
}
