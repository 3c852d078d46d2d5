package de.chancenatlas.core.text;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads CSV in the dialects municipal staff actually send (German Excel: ';', decimal comma,
 * UTF-8 with or without BOM or Windows-1252; plain: ',' and decimal point; tab-separated) and XLSX
 * (first sheet). Separator and encoding are detected, quoted fields may hold separators and newlines.
 */
public final class TableReader {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TableReader() {
    }

    /** Thrown for a file that cannot be read as a table at all. */
    public static final class Unreadable extends Exception {
        public Unreadable(String message) {
            super(message);
        }
    }

    public static Table read(byte[] content, String fileName, int maxRows) throws Unreadable, TooManyRows {
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        boolean zip = content.length > 3 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        if (lower.endsWith(".xlsx") || lower.endsWith(".xls") || zip) {
            return readWorkbook(content, maxRows);
        }
        return readCsv(content, maxRows);
    }

    /** Thrown as soon as a table exceeds the row limit, so a huge file is not read to its end. */
    public static final class TooManyRows extends Exception {
        public TooManyRows(int max) {
            super(String.valueOf(max));
        }
    }

    static Table readCsv(byte[] content, int maxRows) throws Unreadable, TooManyRows {
        String charsetName;
        String text;
        if (content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB && (content[2] & 0xff) == 0xBF) {
            text = new String(content, 3, content.length - 3, StandardCharsets.UTF_8);
            charsetName = "UTF-8 (BOM)";
        } else if (content.length >= 2 && ((content[0] & 0xff) == 0xFF && (content[1] & 0xff) == 0xFE
                || (content[0] & 0xff) == 0xFE && (content[1] & 0xff) == 0xFF)) {
            text = new String(content, StandardCharsets.UTF_16);
            charsetName = "UTF-16";
        } else {
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
                charsetName = "UTF-8";
            } catch (CharacterCodingException e) {
                text = new String(content, WINDOWS_1252);
                charsetName = "Windows-1252";
            }
        }
        if (text.indexOf('\0') >= 0) {
            throw new Unreadable("binary content, not a CSV text file / Binärdaten, keine CSV-Textdatei");
        }
        char sep = detectSeparator(text);
        NumberDialect dialect = sep == ',' ? NumberDialect.PLAIN : sep == ';' ? NumberDialect.GERMAN : NumberDialect.SPREADSHEET;
        List<Table.Row> records = parse(text, sep, maxRows + 1);
        if (records.isEmpty()) {
            return new Table(List.of(), List.of(), dialect, charsetName);
        }
        List<String> header = new ArrayList<>();
        for (String h : records.get(0).cells()) {
            header.add(h.strip());
        }
        String desc = charsetName + ", separator '" + (sep == '\t' ? "\\t" : String.valueOf(sep)) + "', " + dialect;
        return new Table(header, records.subList(1, records.size()), dialect, desc);
    }

    private static char detectSeparator(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        int semi = 0;
        int comma = 0;
        int tab = 0;
        boolean quoted = false;
        for (char ch : first.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (ch == ';') {
                    semi++;
                } else if (ch == ',') {
                    comma++;
                } else if (ch == '\t') {
                    tab++;
                }
            }
        }
        if (tab > semi && tab > comma) {
            return '\t';
        }
        return semi >= comma && semi > 0 ? ';' : ',';
    }

    /** RFC 4180 with any separator; each record keeps the line it starts on; blank lines are skipped. */
    private static List<Table.Row> parse(String text, char sep, int maxRecords) throws TooManyRows {
        int lines = 1;
        for (int i = text.indexOf('\n'); i >= 0 && lines <= maxRecords; i = text.indexOf('\n', i + 1)) {
            lines++;
        }
        List<Table.Row> out = new ArrayList<>(lines);   // sized once: a million rows are not copied while growing
        int width = 8;
        List<String> cells = new ArrayList<>(width);
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int start = 1;
        boolean quoted = false;
        boolean any = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.toString().isBlank()) {
                cell.setLength(0);
                quoted = true;
                any = true;
            } else if (ch == sep) {
                cells.add(cell.toString().strip());
                cell.setLength(0);
                any = true;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString().strip());
                cell.setLength(0);
                if (any || !cells.get(0).isEmpty() || cells.size() > 1) {
                    out.add(new Table.Row(start, cells));   // handed over, a fresh list follows
                    if (out.size() > maxRecords) {
                        throw new TooManyRows(maxRecords - 1);
                    }
                    width = cells.size();
                    cells = new ArrayList<>(width);
                } else {
                    cells.clear();
                }
                any = false;
                line++;
                start = line;
            } else {
                cell.append(ch);
                if (!Character.isWhitespace(ch)) {
                    any = true;
                }
            }
        }
        cells.add(cell.toString().strip());
        if (any || !cells.get(0).isEmpty() || cells.size() > 1) {
            out.add(new Table.Row(start, List.copyOf(cells)));
            if (out.size() > maxRecords) {
                throw new TooManyRows(maxRecords - 1);
            }
        }
        return out;
    }

    static Table readWorkbook(byte[] content, int maxRows) throws Unreadable, TooManyRows {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Sheet sheet = wb.getSheetAt(0);
            List<Table.Row> rows = new ArrayList<>();
            List<String> header = null;
            for (var r : sheet) {
                List<String> cells = new ArrayList<>();
                boolean any = false;
                for (int c = 0; c < Math.max(0, r.getLastCellNum()); c++) {
                    String v = text(r.getCell(c));
                    any |= !v.isEmpty();
                    cells.add(v);
                }
                if (!any) {
                    continue;
                }
                if (header == null) {
                    header = cells.stream().map(String::strip).toList();
                } else {
                    rows.add(new Table.Row(r.getRowNum() + 1, cells));
                    if (rows.size() > maxRows) {
                        throw new TooManyRows(maxRows);
                    }
                }
            }
            return new Table(header == null ? List.of() : header, rows, NumberDialect.SPREADSHEET,
                    "XLSX, sheet '" + sheet.getSheetName() + "'");
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("not a readable XLSX workbook / keine lesbare XLSX-Arbeitsmappe: " + e.getMessage());
        }
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType t = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (t) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case STRING -> cell.getStringCellValue().strip();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> "";
        };
    }
}
