package de.chancenatlas.core.text;

import java.util.List;

/**
 * A table read from a CSV or XLSX file: the header and the data rows, each with the physical line
 * (or spreadsheet row) where it starts, and the number dialect its cells are written in.
 */
public record Table(List<String> header, List<Row> rows, NumberDialect dialect, String description) {

    public record Row(int line, List<String> cells) {
        public String cell(int index) {
            return index >= 0 && index < cells.size() ? cells.get(index) : "";
        }
    }

    public int column(String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
