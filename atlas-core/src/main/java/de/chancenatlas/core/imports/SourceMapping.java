package de.chancenatlas.core.imports;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import de.chancenatlas.core.text.Table;
import de.chancenatlas.core.text.TableReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Translates a statistics office's table into the long value format, as described by a small
 * mapping file: which column holds the unit code and the period, which rows to take, and for each
 * indicator the figures that make its value or its numerator and denominator.
 *
 * <p>Figures: in a long source (one row per figure, {@code figure:} names the columns that identify
 * it and {@code value:} the number) a figure is those columns joined by '/'; in a wide source (one
 * row per unit) a figure is a column name. Expressions add and subtract figures
 * ({@code "020/10 + 020/20"}); {@code prev:} takes the figure of the previous period.
 *
 * <p>The output goes through the ordinary {@link ValueImporter}, so mapped data are checked and
 * recorded exactly like any uploaded file.
 */
public final class SourceMapping {

    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Spec(String source, String unit, String period, String rows, List<String> figure, String value,
                       Map<String, Map<String, String>> indicators) { }

    private static final Pattern TERM = Pattern.compile("\\s*([+-])?\\s*(prev:)?([^\\s+]+)\\s*");
    private final Spec spec;

    public SourceMapping(Spec spec) {
        this.spec = spec;
    }

    public static SourceMapping parse(byte[] yaml) throws IOException {
        return new SourceMapping(new ObjectMapper(new YAMLFactory()).readValue(yaml, Spec.class));
    }

    public String sourceFile() {
        return spec.source();
    }

    /** Figures per unit and period: unit → period → figure → number. */
    Map<String, Map<Integer, Map<String, BigDecimal>>> figures(byte[] source, String rowPattern) throws IOException {
        Table t;
        try {
            t = TableReader.read(source, spec.source(), 10_000_000);
        } catch (TableReader.Unreadable | TableReader.TooManyRows e) {
            throw new IOException(e.getMessage(), e);
        }
        int unitCol = column(t, spec.unit());
        Integer periodCol = spec.period().matches("\\d{4}") ? null : column(t, spec.period());
        Pattern rows = rowPattern == null ? null : Pattern.compile(rowPattern);
        Map<String, Map<Integer, Map<String, BigDecimal>>> out = new TreeMap<>();
        boolean longSource = spec.figure() != null;
        int[] figureCols = longSource ? spec.figure().stream().mapToInt(f -> column(t, f)).toArray() : null;
        int valueCol = longSource ? column(t, spec.value()) : -1;
        for (Table.Row r : t.rows()) {
            String unit = r.cell(unitCol);
            if (rows != null && !rows.matcher(unit).matches()) {
                continue;
            }
            int period = Integer.parseInt(periodCol == null ? spec.period() : r.cell(periodCol));
            Map<String, BigDecimal> f = out.computeIfAbsent(unit, k -> new TreeMap<>()).computeIfAbsent(period, k -> new LinkedHashMap<>());
            if (longSource) {
                StringBuilder id = new StringBuilder();
                for (int c : figureCols) {
                    id.append(id.isEmpty() ? "" : "/").append(r.cell(c));
                }
                f.put(id.toString(), t.dialect().parse(r.cell(valueCol)));
            } else {
                for (int c = 0; c < t.header().size(); c++) {
                    BigDecimal v = t.dialect().parse(r.cell(c));
                    if (v != null) {
                        f.put(t.header().get(c), v);
                    }
                }
            }
        }
        return out;
    }

    /** One long-format row per indicator, unit and period that the mapping can compute. */
    public record Row(String unit, String indicator, int period, BigDecimal value, BigDecimal numerator, BigDecimal denominator) { }

    public List<Row> rows(byte[] source, String rowPattern) throws IOException {
        var figures = figures(source, rowPattern);
        List<Row> out = new ArrayList<>();
        for (var unit : figures.entrySet()) {
            for (var period : unit.getValue().entrySet()) {
                Map<String, BigDecimal> prev = unit.getValue().get(period.getKey() - 1);
                for (var ind : spec.indicators().entrySet()) {
                    Map<String, String> e = ind.getValue();
                    if (e.containsKey("value")) {
                        BigDecimal v = eval(e.get("value"), period.getValue(), prev);
                        if (v != null) {
                            out.add(new Row(unit.getKey(), ind.getKey(), period.getKey(), v, null, null));
                        }
                    } else {
                        BigDecimal n = eval(e.get("numerator"), period.getValue(), prev);
                        BigDecimal d = eval(e.get("denominator"), period.getValue(), prev);
                        if (n != null && d != null) {
                            out.add(new Row(unit.getKey(), ind.getKey(), period.getKey(), null, n, d));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The rows the mapping selects, as a long-format CSV (plain dialect) for the value importer. */
    public byte[] toCsv(byte[] source) throws IOException {
        StringBuilder b = new StringBuilder("unit,indicator,period,value,numerator,denominator\n");
        for (Row r : rows(source, spec.rows())) {
            b.append(r.unit()).append(',').append(r.indicator()).append(',').append(r.period()).append(',')
                    .append(plain(r.value())).append(',').append(plain(r.numerator())).append(',').append(plain(r.denominator())).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String plain(BigDecimal d) {
        return d == null ? "" : d.stripTrailingZeros().toPlainString();
    }

    /** Sum of the terms, or null when a figure is missing (e.g. no previous year). */
    static BigDecimal eval(String expr, Map<String, BigDecimal> now, Map<String, BigDecimal> prev) {
        if (expr == null) {
            throw new IllegalArgumentException("mapping: indicator needs value, or numerator and denominator");
        }
        BigDecimal sum = BigDecimal.ZERO;
        var m = TERM.matcher(expr);
        int at = 0;
        while (at < expr.length() && m.find(at) && m.start() == at) {
            Map<String, BigDecimal> from = m.group(2) != null ? prev : now;
            BigDecimal v = from == null ? null : from.get(m.group(3));
            if (v == null) {
                return null;
            }
            sum = "-".equals(m.group(1)) ? sum.subtract(v) : sum.add(v);
            at = m.end();
        }
        if (at != expr.length()) {
            throw new IllegalArgumentException("mapping: cannot read expression '" + expr + "'");
        }
        return sum;
    }

    private static int column(Table t, String name) {
        int c = t.column(name);
        if (c < 0) {
            throw new IllegalArgumentException("mapping: column '" + name + "' not in " + t.header());
        }
        return c;
    }
}
