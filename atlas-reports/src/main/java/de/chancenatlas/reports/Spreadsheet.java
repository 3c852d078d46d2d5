package de.chancenatlas.reports;

import de.chancenatlas.core.read.AtlasReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The XLSX of a report's tables, written with POI rather than through the page layout: one clean
 * grid a planner can compute with. Values are number cells rounded to the indicator's decimals and
 * formatted with them (a German Excel shows "1.234,5", as the report); withheld and missing values
 * stay "–" and "x".
 */
final class Spreadsheet {
    /** A number cell with its decimals. */
    record Num(BigDecimal value, int decimals) { }

    private Spreadsheet() {
    }

    /** A value of the read path as a cell: the rounded number, or the sign for withheld / missing. */
    static Object cell(AtlasReader.Value v, int decimals) {
        if (v == null || v.value() == null) {
            return ValueText.of(v);
        }
        // a public rate may be published with fewer decimals than declared (sql/V8): shown as published
        return new Num(v.value(), Math.min(decimals, Math.max(0, v.value().scale())));
    }

    static Object count(BigDecimal v) {
        return v == null ? "" : new Num(v, Math.max(0, v.stripTrailingZeros().scale()));
    }

    static byte[] write(String sheetName, List<String> heading, List<String> columns, List<List<Object>> rows, List<String> notes) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(sheetName.replaceAll("[\\\\/?*\\[\\]:]", " ").substring(0, Math.min(31, sheetName.length())));
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle head = wb.createCellStyle();
            head.setFont(bold);
            Map<Integer, CellStyle> numbers = new HashMap<>();
            int r = 0;
            for (String h : heading) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(h);
                if (r == 1) {
                    row.getCell(0).setCellStyle(head);
                }
            }
            r++;
            Row header = sheet.createRow(r++);
            for (int c = 0; c < columns.size(); c++) {
                header.createCell(c).setCellValue(columns.get(c));
                header.getCell(c).setCellStyle(head);
            }
            for (List<Object> values : rows) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    var cell = row.createCell(c);
                    if (v instanceof Num n) {
                        cell.setCellValue(n.value().setScale(n.decimals(), java.math.RoundingMode.HALF_UP).doubleValue());
                        cell.setCellStyle(numbers.computeIfAbsent(n.decimals(), d -> {
                            CellStyle s = wb.createCellStyle();
                            s.setDataFormat(wb.createDataFormat().getFormat(d == 0 ? "#,##0" : "#,##0." + "0".repeat(d)));
                            return s;
                        }));
                    } else {
                        cell.setCellValue(v == null ? "" : v.toString());
                    }
                }
            }
            r++;
            for (String n : notes) {
                sheet.createRow(r++).createCell(0).setCellValue(n);
            }
            for (int c = 0; c < columns.size(); c++) {
                sheet.autoSizeColumn(c);
            }
            sheet.createFreezePane(0, heading.size() + 2);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
