package de.chancenatlas.core.imports;

import de.chancenatlas.core.db.Transactions;
import de.chancenatlas.core.text.NumberDialect;
import de.chancenatlas.core.text.Periodicity;
import de.chancenatlas.core.text.Table;
import de.chancenatlas.core.text.TableReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Imports indicator values from CSV or XLSX, in long format (one value per row) or wide format
 * (one column per indicator, or one column per year). The whole file is checked first and every
 * problem is reported with line, column and value; only a file without problems is written, in one
 * transaction, as one batch. Values equal to the stored ones are left alone; replaced values move to
 * the history table.
 */
public final class ValueImporter {
    /** Limits against accidental or hostile uploads; both can be raised by the operator. */
    public record Limits(long maxBytes, int maxRows) {
        public static final Limits DEFAULT = new Limits(200L * 1024 * 1024, 5_000_000);
    }

    /** Defaults for columns the file does not have: a level for ambiguous codes, a period, an indicator. */
    /** @param period a period in any form the indicator's periodicity reads (2015, 2015-H1, 30.06.2015, 2023/24 ...) */
    public record Options(String level, String period, String indicator) {
        public static final Options NONE = new Options(null, null, null);
    }

    private static final Map<String, String> ALIASES = new HashMap<>();

    static {
        alias("unit", "unit", "code", "unit_code", "gebiet", "gebietsschluessel", "gebietsschlüssel", "schluessel", "schlüssel",
                "raum", "raum_id", "ags", "ars", "einheit");
        alias("level", "level", "ebene");
        alias("indicator", "indicator", "indikator", "indicator_key", "kennzahl");
        alias("period", "period", "jahr", "year", "zeitraum", "stichtag", "datum", "date", "halbjahr", "quartal", "monat", "schuljahr",
                "berichtszeitraum", "berichtsjahr");
        alias("value", "value", "wert");
        alias("numerator", "numerator", "zaehler", "zähler");
        alias("denominator", "denominator", "nenner");
        alias("status", "status");
        alias("name", "name", "gebietsname", "unit_name", "bezeichnung");
    }

    private static void alias(String canonical, String... names) {
        for (String n : names) {
            ALIASES.put(n, canonical);
        }
    }

    private final DataSource ds;
    private final Limits limits;

    public ValueImporter(DataSource ds, Limits limits) {
        this.ds = ds;
        this.limits = limits;
    }

    public ValueImporter(DataSource ds) {
        this(ds, Limits.DEFAULT);
    }

    public Limits limits() {
        return limits;
    }

    private record Unit(long id, String level, LocalDate from, LocalDate to) { }

    /** @param writable whether the importing user may write it (editors: their department's indicators only) */
    private record Indicator(int id, String key, String kind, BigDecimal scale, int decimals, boolean mayExceed, boolean mayBeNegative,
                             boolean writable, Periodicity periodicity) {
        Indicator allowing(java.util.Set<String> keys) {
            return new Indicator(id, key, kind, scale, decimals, mayExceed, mayBeNegative, keys == null || keys.contains(key), periodicity);
        }
    }

    /** A checked value, ready to write. */
    private record Value(int line, int indicatorId, long unitId, LocalDate period,
                         BigDecimal value, BigDecimal numerator, BigDecimal denominator, String status) { }

    /** Where a value comes from in the file: which cells hold its parts. */
    private record Cells(int line, String unitCode, String level, String indicator, String period,
                         String periodColumn, String value, String valueColumn, String numerator, String denominator,
                         String status) { }

    public ImportResult importFile(String territoryKey, ImportSource src, Options options, Progress progress) throws SQLException {
        return importFile(territoryKey, src, options, null, progress);
    }

    /**
     * @param writable the indicator keys the importing user may write, or null for all; a value of
     *                 any other indicator is a problem of its line, and nothing is imported
     */
    public ImportResult importFile(String territoryKey, ImportSource src, Options options, java.util.Set<String> writable, Progress progress)
            throws SQLException {
        Table table = table(src, limits);
        return Transactions.inTransaction(ds, c -> {
            int territoryId = territoryId(c, territoryKey);
            Map<String, List<Unit>> units = units(c, territoryId);
            Map<String, Indicator> indicators = new java.util.HashMap<>();
            indicators(c, territoryId).forEach((k, v) -> indicators.put(k, v.allowing(writable)));
            Problems problems = new Problems();
            List<Value> values = check(table, options, units, indicators, problems, progress);
            if (problems.isEmpty() && values.isEmpty()) {
                problems.add(Problem.Kind.EMPTY_FILE.at(null, null, null, ""));   // every value cell was empty
            }
            problems.throwIfAny();
            String optionsJson = Batches.options(options);
            var same = Batches.sameFile(c, territoryId, "values", src.sha256(), optionsJson);
            if (same.isPresent()) {
                c.rollback();
                return new ImportResult(same.get(), "values", src.fileName(), src.sha256(), values.size(), 0, values.size(), true, List.of());
            }
            long batch = Batches.create(c, territoryId, "values", src, values.size(), optionsJson);
            int written = write(c, territoryId, batch, values, progress);
            Batches.finish(c, batch, written, values.size() - written,
                    "{\"format\": \"" + table.description().replace("\"", "'") + "\"}");
            return new ImportResult(batch, "values", src.fileName(), src.sha256(), values.size(), written,
                    values.size() - written, written == 0, sumMismatches(c, batch));
        });
    }

    /** The file as a table, within the limits; a file too large, unreadable, too long or empty is rejected. */
    static Table table(ImportSource src, Limits limits) {
        if (src.content().length > limits.maxBytes()) {
            throw new ImportRejected(Problem.Kind.TOO_LARGE.at(null, null, null, human(limits.maxBytes())));
        }
        Table table;
        try {
            table = TableReader.read(src.content(), src.fileName(), limits.maxRows());
        } catch (TableReader.Unreadable e) {
            throw new ImportRejected(Problem.Kind.UNREADABLE.at(null, null, null, e.getMessage()));
        } catch (TableReader.TooManyRows e) {
            throw new ImportRejected(Problem.Kind.TOO_MANY_ROWS.at(null, null, null, String.format(Locale.GERMANY, "%,d", limits.maxRows())));
        }
        if (table.rows().isEmpty()) {
            throw new ImportRejected(Problem.Kind.EMPTY_FILE.at(null, null, null, ""));
        }
        return table;
    }

    // ---- reading the layout ------------------------------------------------------------------

    private List<Value> check(Table t, Options o, Map<String, List<Unit>> units, Map<String, Indicator> indicators,
                              Problems problems, Progress progress) {
        Map<String, Integer> canon = new HashMap<>();
        List<Integer> other = new ArrayList<>();
        for (int i = 0; i < t.header().size(); i++) {
            String h = t.header().get(i).toLowerCase(Locale.ROOT).strip();
            String c = ALIASES.get(h);
            if (c != null && !canon.containsKey(c)) {
                canon.put(c, i);
            } else if (!h.isEmpty()) {
                other.add(i);
            }
        }
        if (!canon.containsKey("unit")) {
            problems.add(Problem.Kind.MISSING_COLUMN.at(1, null, null, "unit / Gebiet / raum_id / ags"));
            return List.of();
        }
        // a row with more filled fields than the header has columns was split wrongly (e.g. a decimal
        // comma in a comma-separated file): never guess which field was meant
        for (var r : t.rows()) {
            for (int i = t.header().size(); i < r.cells().size(); i++) {
                if (!r.cells().get(i).isEmpty()) {
                    problems.add(Problem.Kind.WRONG_COLUMN_COUNT.at(r.line(), null, r.cells().get(i), r.cells().size()));
                    break;
                }
            }
        }
        if (!problems.isEmpty()) {
            return List.of();
        }
        List<Cells> cells = new ArrayList<>();
        boolean long_ = canon.containsKey("value") || canon.containsKey("numerator");
        if (long_) {
            for (int i : other) {
                problems.add(Problem.Kind.UNKNOWN_COLUMN.at(1, t.header().get(i), t.header().get(i)));
            }
            require(problems, canon, "indicator", o.indicator() == null);
            require(problems, canon, "period", o.period() == null);
            if (!problems.isEmpty()) {
                return List.of();
            }
            for (var r : t.rows()) {
                cells.add(new Cells(r.line(), r.cell(canon.get("unit")), cell(r, canon, "level", o.level()),
                        cell(r, canon, "indicator", o.indicator()), cell(r, canon, "period", str(o.period())),
                        header(t, canon, "period"), cell(r, canon, "value", ""), header(t, canon, "value"),
                        cell(r, canon, "numerator", ""), cell(r, canon, "denominator", ""), cell(r, canon, "status", "")));
            }
        } else if (!other.isEmpty() && other.stream().allMatch(i -> Periodicity.looksLikePeriod(t.header().get(i)))) {
            // wide by period: one column per year, half-year, month, school year ...
            require(problems, canon, "indicator", o.indicator() == null);
            if (!problems.isEmpty()) {
                return List.of();
            }
            for (var r : t.rows()) {
                for (int i : other) {
                    String h = t.header().get(i);
                    if (r.cell(i).isEmpty()) {
                        continue;   // an empty cell of a wide table: nothing delivered for that period
                    }
                    cells.add(new Cells(r.line(), r.cell(canon.get("unit")), cell(r, canon, "level", o.level()),
                            cell(r, canon, "indicator", o.indicator()), h, h, r.cell(i), h, "", "", cell(r, canon, "status", "")));
                }
            }
        } else {
            // wide by indicator: columns named by indicator key, optionally key.zaehler / key.nenner
            require(problems, canon, "period", o.period() == null);
            Map<String, int[]> byKey = new java.util.LinkedHashMap<>();
            for (int i : other) {
                String h = t.header().get(i).strip();
                String[] parts = h.split("[.:]", 2);
                String key = parts[0].toLowerCase(Locale.ROOT);
                int slot = parts.length == 1 ? 0 : switch (parts[1].toLowerCase(Locale.ROOT)) {
                    case "zaehler", "zähler", "numerator" -> 1;
                    case "nenner", "denominator" -> 2;
                    default -> -1;
                };
                if (slot < 0 || !indicators.containsKey(key)) {
                    problems.add((slot < 0 ? Problem.Kind.UNKNOWN_COLUMN : Problem.Kind.UNKNOWN_INDICATOR).at(1, h, slot < 0 ? h : key));
                    continue;
                }
                if (!indicators.get(key).writable()) {
                    problems.add(Problem.Kind.NOT_PERMITTED.at(1, h, key));
                    continue;
                }
                byKey.computeIfAbsent(key, k -> new int[] {-1, -1, -1})[slot] = i;
            }
            if (byKey.isEmpty() && problems.isEmpty()) {
                problems.add(Problem.Kind.MISSING_COLUMN.at(1, null, null, "value / Wert / <indikator>"));
            }
            if (!problems.isEmpty()) {
                return List.of();
            }
            for (var r : t.rows()) {
                for (var e : byKey.entrySet()) {
                    int[] ix = e.getValue();
                    if ((ix[0] < 0 || r.cell(ix[0]).isEmpty()) && (ix[1] < 0 || r.cell(ix[1]).isEmpty())
                            && (ix[2] < 0 || r.cell(ix[2]).isEmpty())) {
                        continue;   // nothing delivered for this indicator in this row
                    }
                    cells.add(new Cells(r.line(), r.cell(canon.get("unit")), cell(r, canon, "level", o.level()), e.getKey(),
                            cell(r, canon, "period", str(o.period())), header(t, canon, "period"),
                            ix[0] < 0 ? "" : r.cell(ix[0]), ix[0] < 0 ? t.header().get(Math.max(ix[1], ix[2])) : t.header().get(ix[0]),
                            ix[1] < 0 ? "" : r.cell(ix[1]), ix[2] < 0 ? "" : r.cell(ix[2]), cell(r, canon, "status", "")));
                }
            }
        }
        return checkValues(cells, t.dialect(), units, indicators, problems, progress);
    }

    private static void require(Problems p, Map<String, Integer> canon, String column, boolean needed) {
        if (needed && !canon.containsKey(column)) {
            p.add(Problem.Kind.MISSING_COLUMN.at(1, null, null, column));
        }
    }

    private static String cell(Table.Row r, Map<String, Integer> canon, String column, String fallback) {
        Integer i = canon.get(column);
        String v = i == null ? "" : r.cell(i);
        return v.isEmpty() && fallback != null ? fallback : v;
    }

    private static String header(Table t, Map<String, Integer> canon, String column) {
        Integer i = canon.get(column);
        return i == null ? column : t.header().get(i);
    }

    private static String str(String s) {
        return s == null ? "" : s;
    }

    // ---- checking each value -------------------------------------------------------------------

    /**
     * Checks every value, in parallel chunks (two cores check twice as fast, and the database is idle
     * meanwhile); problems are merged in line order, duplicates found in one ordered pass.
     */
    private List<Value> checkValues(List<Cells> cells, NumberDialect dialect, Map<String, List<Unit>> units,
                                    Map<String, Indicator> indicators, Problems problems, Progress progress) {
        int chunks = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), cells.size() / 10_000));
        int size = (cells.size() + chunks - 1) / chunks;
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        record Chunk(List<Value> values, List<Cells> sources, Problems problems) { }
        List<Chunk> results = java.util.stream.IntStream.range(0, chunks).parallel().mapToObj(k -> {
            List<Cells> part = cells.subList(k * size, Math.min(cells.size(), (k + 1) * size));
            Chunk chunk = new Chunk(new ArrayList<>(part.size()), new ArrayList<>(part.size()), new Problems());
            for (Cells c : part) {
                Value v = checkOne(c, dialect, units, indicators, chunk.problems());
                if (v != null) {
                    chunk.values().add(v);
                    chunk.sources().add(c);
                }
                if (done.incrementAndGet() % 100_000 == 0) {
                    progress.report("prüfen/check", done.get(), cells.size());
                }
            }
            return chunk;
        }).toList();
        List<Value> out = new ArrayList<>(cells.size());
        Map<Object, Integer> seen = new HashMap<>(cells.size() * 2);
        for (Chunk chunk : results) {
            problems.addAll(chunk.problems());
            for (int i = 0; i < chunk.values().size(); i++) {
                Value v = chunk.values().get(i);
                Cells c = chunk.sources().get(i);
                Integer first = seen.putIfAbsent(key(v), c.line());
                if (first != null) {
                    problems.add(Problem.Kind.DUPLICATE_ROW.at(c.line(), null, c.unitCode(), String.valueOf(first)));
                } else {
                    out.add(v);
                }
            }
        }
        progress.report("prüfen/check", cells.size(), cells.size());
        return out;
    }

    /** The identity of a value: one long while the ids fit (they do in practice), else a string. */
    private static Object key(Value v) {
        // 20 bits indicator, 27 bits unit, 17 bits day (1900-2200 span 110,000 days)
        if (v.indicatorId() < (1 << 20) && v.unitId() < (1L << 27)) {
            long packed = ((long) v.indicatorId() << 44) | (v.unitId() << 17) | (v.period().toEpochDay() + 30_000);
            return packed * 0x9E3779B97F4A7C15L;   // odd multiplier: still one-to-one, but spreads Long.hashCode
        }
        return v.indicatorId() + "/" + v.unitId() + "/" + v.period();
    }

    private Value checkOne(Cells c, NumberDialect dialect, Map<String, List<Unit>> units, Map<String, Indicator> indicators, Problems p) {
        int before = problemsCount(p);
        Indicator ind = indicators.get(c.indicator().toLowerCase(Locale.ROOT));
        if (ind == null) {
            p.add(Problem.Kind.UNKNOWN_INDICATOR.at(c.line(), "indicator", c.indicator()));
        } else if (!ind.writable()) {
            p.add(Problem.Kind.NOT_PERMITTED.at(c.line(), "indicator", c.indicator()));
        }
        LocalDate period = null;
        if (ind != null) {
            try {
                period = ind.periodicity().stichtag(c.period());
            } catch (Periodicity.NotAPeriod e) {
                p.add(Problem.Kind.BAD_PERIOD.at(c.line(), c.periodColumn(), c.period(), c.period(), ind.periodicity().label(), ind.key(),
                        ind.periodicity().forms()));
            }
        }
        Unit unit = null;
        List<Unit> versions = units.get(c.unitCode());
        if (versions == null) {
            // never guess, but name the likely cause: a spreadsheet dropped the leading zeros of an AGS
            String padded = leadingZeroCandidate(c.unitCode(), units);
            p.add(padded == null ? Problem.Kind.UNKNOWN_UNIT.at(c.line(), "unit", c.unitCode())
                    : Problem.Kind.UNKNOWN_UNIT_ZEROS.at(c.line(), "unit", c.unitCode(), c.unitCode(), padded));
        } else {
            // plain loops: this runs once per value
            String level = c.level().isEmpty() ? null : c.level();
            boolean onLevel = false;
            boolean ambiguous = false;
            LocalDate date = period;
            for (Unit u : versions) {
                if (level != null && !u.level().equals(level)) {
                    continue;
                }
                ambiguous |= onLevel && level == null && !u.level().equals(versions.get(0).level());
                onLevel = true;
                if (date != null && unit == null && !date.isBefore(u.from()) && (u.to() == null || date.isBefore(u.to()))) {
                    unit = u;
                }
            }
            if (!onLevel) {
                p.add(Problem.Kind.UNKNOWN_UNIT.at(c.line(), "unit", c.unitCode(), c.unitCode() + " @ " + c.level()));
            } else if (ambiguous) {
                p.add(Problem.Kind.AMBIGUOUS_UNIT.at(c.line(), "unit", c.unitCode()));
                unit = null;
            } else if (date != null && unit == null) {
                p.add(Problem.Kind.PERIOD_OUTSIDE_VALIDITY.at(c.line(), c.periodColumn(), c.period(), c.unitCode(),
                        date.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"))));
            }
        }
        String status = status(c.status());
        if (status == null) {
            p.add(Problem.Kind.BAD_STATUS.at(c.line(), "status", c.status()));
        }
        String rawValue = c.value().strip();
        if (rawValue.equals(".")) {          // official statistics: value withheld at source
            status = "secret";
            rawValue = "";
        } else if (rawValue.equalsIgnoreCase("x")) {
            status = "no_data";
            rawValue = "";
        }
        BigDecimal value = number(p, c.line(), c.valueColumn(), rawValue, dialect);
        BigDecimal num = number(p, c.line(), "numerator", c.numerator(), dialect);
        BigDecimal den = number(p, c.line(), "denominator", c.denominator(), dialect);
        if (problemsCount(p) > before || ind == null || unit == null || status == null) {
            return null;
        }
        boolean counts = num != null || den != null;
        if (counts && !"ratio".equals(ind.kind())) {
            p.add(Problem.Kind.COUNTS_NOT_FOR_INDICATOR.at(c.line(), "numerator", ind.key()));
            return null;
        }
        if (counts && (num == null || den == null)) {
            p.add(Problem.Kind.COUNTS_INCOMPLETE.at(c.line(), num == null ? "numerator" : "denominator", null, ind.key()));
            return null;
        }
        if ("no_data".equals(status)) {
            if (value != null || counts) {
                p.add(Problem.Kind.BAD_STATUS.at(c.line(), "status", c.status(), c.status() + " + Wert/value"));
                return null;
            }
            return new Value(c.line(), ind.id(), unit.id(), period, null, null, null, status);
        }
        if (value == null && !counts) {
            if ("secret".equals(status)) {
                return new Value(c.line(), ind.id(), unit.id(), period, null, null, null, status);
            }
            p.add(Problem.Kind.MISSING_VALUE.at(c.line(), c.valueColumn(), "", " (" + ind.key() + ")"));
            return null;
        }
        if (counts) {
            if (den.signum() == 0) {
                p.add(Problem.Kind.ZERO_DENOMINATOR.at(c.line(), "denominator", c.denominator()));
                return null;
            }
            if (den.signum() < 0 || (num.signum() < 0 && !ind.mayBeNegative())) {
                p.add(Problem.Kind.NEGATIVE.at(c.line(), den.signum() < 0 ? "denominator" : "numerator",
                        den.signum() < 0 ? c.denominator() : c.numerator()));
                return null;
            }
            if (num.compareTo(den) > 0 && !ind.mayExceed()) {
                p.add(Problem.Kind.NUMERATOR_EXCEEDS_DENOMINATOR.at(c.line(), "numerator", c.numerator()));
                return null;
            }
            if (value != null && !agrees(value, num.multiply(ind.scale()).divide(den, MathContext.DECIMAL128), ind.decimals())) {
                p.add(Problem.Kind.VALUE_MISMATCH.at(c.line(), c.valueColumn(), c.value()));
                return null;
            }
            // the value of a ratio is derived from its counts in one place (atlas.v_indicator_value)
            return new Value(c.line(), ind.id(), unit.id(), period, null, num, den, status);
        }
        if (value.signum() < 0 && !ind.mayBeNegative() && !"value".equals(ind.kind())) {
            p.add(Problem.Kind.NEGATIVE.at(c.line(), c.valueColumn(), c.value()));
            return null;
        }
        return new Value(c.line(), ind.id(), unit.id(), period, value, null, null, status);
    }

    /**
     * Whether a delivered rate agrees with the one its counts give: rounded as printed (one unit of
     * its last decimal), or to the indicator's decimals where it prints more, or within the relative
     * error of a double (what a spreadsheet or statistics package prints at full precision, e.g.
     * 23.527508090614887). A real mismatch fails all three.
     */
    static boolean agrees(BigDecimal value, BigDecimal computed, int decimals) {
        int scale = Math.max(0, value.scale());
        if (computed.setScale(scale, RoundingMode.HALF_UP).subtract(value).abs().compareTo(BigDecimal.ONE.movePointLeft(scale)) <= 0) {
            return true;
        }
        if (scale > decimals && computed.setScale(decimals, RoundingMode.HALF_UP).compareTo(value.setScale(decimals, RoundingMode.HALF_UP)) == 0) {
            return true;
        }
        BigDecimal relative = computed.abs().max(value.abs()).multiply(new BigDecimal("1e-12"));
        return computed.subtract(value).abs().compareTo(relative) <= 0;
    }

    /**
     * Delivered higher-level counts that differ from the sum of their parts: imported, each named in
     * a warning with unit, both figures and the difference. The parts are the nearest level below
     * whose units all have delivered values of the same indicator and period (a Kreis total against
     * its Gemeinden when the Sozialräume between are only aggregated). Counts are the value of a
     * count indicator and the numerator and denominator of a ratio. Checked for every indicator and
     * period the batch wrote, so a later delivery of the parts is checked against an earlier total too.
     */
    private static List<Problem> sumMismatches(Connection c, long batch) throws SQLException {
        List<Problem> out = new ArrayList<>();
        try (var ps = c.prepareStatement("""
                with touched as (select distinct indicator_id, stichtag from atlas.indicator_value where batch_id = ?),
                parts as (
                    select p.indicator_id, p.unit_id, p.stichtag, x.what, x.delivered, d.depth, count(cv.unit_id) as n, sum(x.part) as total,
                           (select count(*) from atlas.unit_closure dd join atlas.spatial_unit du on du.unit_id = dd.unit_id
                            where dd.ancestor_id = p.unit_id and dd.depth = d.depth
                              and du.validity @> p.stichtag) as units
                    from touched t
                    join atlas.indicator i on i.indicator_id = t.indicator_id and i.kind in ('count', 'ratio')
                    join atlas.indicator_value p on p.indicator_id = t.indicator_id and p.stichtag = t.stichtag
                    join atlas.unit_closure d on d.ancestor_id = p.unit_id and d.depth > 0
                    join atlas.indicator_value cv on cv.indicator_id = p.indicator_id and cv.stichtag = p.stichtag and cv.unit_id = d.unit_id
                    cross join lateral (values ('Anzahl', p.value, cv.value), ('Zähler', p.numerator, cv.numerator),
                                               ('Nenner', p.denominator, cv.denominator)) x(what, delivered, part)
                    where x.delivered is not null and (i.kind = 'count') = (x.what = 'Anzahl')
                    group by p.indicator_id, p.unit_id, p.stichtag, x.what, x.delivered, d.depth
                ),
                nearest as (
                    select distinct on (indicator_id, unit_id, stichtag, what) * from parts
                    where n = units and total is not null order by indicator_id, unit_id, stichtag, what, depth
                )
                select u.code, l.name, i.key, atlas.period_label(n.stichtag, i.periodicity), n.what, n.delivered, n.n, n.total
                from nearest n join atlas.indicator i using (indicator_id) join atlas.spatial_unit u using (unit_id)
                join atlas.unit_level l on l.level_id = u.level_id
                where n.total <> n.delivered
                order by i.key, n.stichtag, l.rank, u.code, n.what""")) {
            ps.setLong(1, batch);
            var rs = ps.executeQuery();
            while (rs.next()) {
                BigDecimal delivered = rs.getBigDecimal(6);
                BigDecimal total = rs.getBigDecimal(8);
                String what = rs.getString(5) + " " + rs.getString(3);   // e.g. "Anzahl einwohner", "Zähler quote"
                String whatEn = Map.of("Anzahl", "count", "Zähler", "numerator", "Nenner", "denominator").get(rs.getString(5)) + " " + rs.getString(3);
                out.add(Problem.Kind.SUM_MISMATCH.at(null, "value", rs.getString(1), what, whatEn, rs.getString(1), rs.getString(2),
                        rs.getString(4), plain(delivered), rs.getInt(7), plain(total), plain(delivered.subtract(total))));
            }
        }
        return out;
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    private static String leadingZeroCandidate(String code, Map<String, List<Unit>> units) {
        if (!code.matches("\\d{1,11}")) {
            return null;
        }
        for (int width = code.length() + 1; width <= 12; width++) {
            String padded = "0".repeat(width - code.length()) + code;
            if (units.containsKey(padded)) {
                return padded;
            }
        }
        return null;
    }

    private static int problemsCount(Problems p) {
        return p.count();
    }

    private static BigDecimal number(Problems p, int line, String column, String raw, NumberDialect dialect) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        BigDecimal v = dialect.parse(raw);
        if (v == null) {
            p.add(Problem.Kind.BAD_NUMBER.at(line, column, raw));
        }
        return v;
    }

    static String status(String raw) {
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "", "ok" -> "ok";
            case "p", "provisional", "vorläufig", "vorlaeufig" -> "provisional";
            case "e", "s", "estimated", "geschätzt", "geschaetzt" -> "estimated";
            case "x", "no_data", "keine angabe", "k.a." -> "no_data";
            case ".", "secret", "geheim" -> "secret";
            default -> null;
        };
    }

    // ---- writing -------------------------------------------------------------------------------

    /**
     * Writes the checked values. Keys not yet stored (the usual case: a new year) are copied straight
     * into the value table in key order; keys that exist go through a staging table, where equal
     * values are dropped and replaced ones move to history. Imports into one territory are serialised.
     */
    private int write(Connection c, int territoryId, long batch, List<Value> values, Progress progress) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute("set local work_mem = '256MB'");   // sorting and hashing a large batch in memory
            st.execute("select pg_advisory_xact_lock(7411, " + territoryId + ")");
        }
        java.util.Set<Object> stored = storedKeys(c, values);
        List<Value> fresh = new ArrayList<>(values.size());
        List<Value> known = new ArrayList<>();
        for (Value v : values) {
            (stored.contains(key(v)) ? known : fresh).add(v);
        }
        int written = known.isEmpty() ? 0 : merge(c, territoryId, batch, known, progress);
        fresh.sort(KEY_ORDER);
        try {
            written += (int) c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy atlas.indicator_value (indicator_id, unit_id, stichtag, "
                    + "value, numerator, denominator, status, territory_id, batch_id) from stdin",
                    new ValueRows(fresh, "\t" + territoryId + "\t" + batch, progress));
        } catch (IOException e) {
            throw new SQLException("COPY failed", e);
        }
        progress.report("schreiben/write", values.size(), values.size());
        return written;
    }

    /** The primary key's order (indicator, unit, period). */
    private static final java.util.Comparator<Value> KEY_ORDER = (a, b) -> {
        int c = Integer.compare(a.indicatorId(), b.indicatorId());
        if (c == 0) {
            c = Long.compare(a.unitId(), b.unitId());
        }
        return c != 0 ? c : a.period().compareTo(b.period());
    };

    /** The keys among {@code values} that are stored already, as {@link #key(Value)} gives them. */
    private static java.util.Set<Object> storedKeys(Connection c, List<Value> values) throws SQLException {
        java.util.Set<Integer> indicators = new java.util.HashSet<>();
        for (Value v : values) {
            indicators.add(v.indicatorId());
        }
        java.util.Set<Object> out = new java.util.HashSet<>();
        try (var ps = c.prepareStatement("select indicator_id, unit_id, stichtag from atlas.indicator_value where indicator_id = any(?)")) {
            ps.setArray(1, c.createArrayOf("integer", indicators.toArray()));
            ps.setFetchSize(50_000);
            var rs = ps.executeQuery();
            while (rs.next()) {
                out.add(key(new Value(0, rs.getInt(1), rs.getLong(2), rs.getObject(3, LocalDate.class), null, null, null, null)));
            }
        }
        return out;
    }

    /** Replaces stored values: equal ones are left alone, changed ones go to history first. */
    private int merge(Connection c, int territoryId, long batch, List<Value> values, Progress progress) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute("create temp table value_stage (indicator_id integer, unit_id bigint, stichtag date, value numeric, "
                    + "numerator numeric, denominator numeric, status text) on commit drop");
        }
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy value_stage from stdin", new ValueRows(values, "", progress));
        } catch (IOException e) {
            throw new SQLException("COPY failed", e);
        }
        try (var st = c.createStatement()) {
            st.execute("analyze value_stage");
            st.execute("delete from value_stage s using atlas.indicator_value v where v.indicator_id = s.indicator_id "
                    + "and v.unit_id = s.unit_id and v.stichtag = s.stichtag and (v.value, v.numerator, v.denominator, v.status) "
                    + "is not distinct from (s.value, s.numerator, s.denominator, s.status)");
            st.execute("with replaced as (delete from atlas.indicator_value v using value_stage s where v.indicator_id = s.indicator_id "
                    + "and v.unit_id = s.unit_id and v.stichtag = s.stichtag returning v.*) "
                    + "insert into atlas.indicator_value_history (territory_id, indicator_id, unit_id, stichtag, value, numerator, "
                    + "denominator, status, batch_id, replaced_by) select territory_id, indicator_id, unit_id, stichtag, value, "
                    + "numerator, denominator, status, batch_id, " + batch + " from replaced");
            return st.executeUpdate("insert into atlas.indicator_value (territory_id, indicator_id, unit_id, stichtag, value, numerator, "
                    + "denominator, status, batch_id) select " + territoryId + ", indicator_id, unit_id, stichtag, value, "
                    + "numerator, denominator, status, " + batch + " from value_stage order by indicator_id, unit_id, stichtag");
        }
    }

    /** Streams the checked values as COPY text rows without building one big string. */
    private static final class ValueRows extends Reader {
        private final List<Value> values;
        private final String suffix;
        private final Progress progress;
        private int next;
        private String current = "";
        private int pos;

        /** @param suffix columns appended to every row (tab-separated, starting with a tab), or "" */
        ValueRows(List<Value> values, String suffix, Progress progress) {
            this.values = values;
            this.suffix = suffix;
            this.progress = progress;
        }

        @Override
        public int read(char[] buf, int off, int len) {
            if (pos >= current.length()) {
                if (next >= values.size()) {
                    return -1;
                }
                StringBuilder b = new StringBuilder(8192);
                while (next < values.size() && b.length() < 8000) {
                    Value v = values.get(next++);
                    b.append(v.indicatorId()).append('\t').append(v.unitId()).append('\t').append(v.period()).append('\t')
                            .append(n(v.value())).append('\t').append(n(v.numerator())).append('\t').append(n(v.denominator()))
                            .append('\t').append(v.status()).append(suffix).append('\n');
                    if (next % 100_000 == 0) {
                        progress.report("schreiben/write", next, values.size());
                    }
                }
                current = b.toString();
                pos = 0;
            }
            int k = Math.min(len, current.length() - pos);
            current.getChars(pos, pos + k, buf, off);
            pos += k;
            return k;
        }

        private static String n(BigDecimal d) {
            return d == null ? "\\N" : d.toPlainString();
        }

        @Override
        public void close() {
        }
    }

    // ---- lookups -------------------------------------------------------------------------------

    static int territoryId(Connection c, String key) throws SQLException {
        try (var ps = c.prepareStatement("select territory_id from atlas.territory where key = ?")) {
            ps.setString(1, key);
            var rs = ps.executeQuery();
            if (!rs.next()) {
                throw new ImportRejected(Problem.Kind.UNKNOWN_TERRITORY.at(null, null, key));
            }
            return rs.getInt(1);
        }
    }

    private static Map<String, List<Unit>> units(Connection c, int territoryId) throws SQLException {
        Map<String, List<Unit>> out = new HashMap<>();
        try (var ps = c.prepareStatement("select u.unit_id, l.key, u.valid_from, u.valid_to, u.code "
                + "from atlas.spatial_unit u join atlas.unit_level l using (level_id) where u.territory_id = ?")) {
            ps.setInt(1, territoryId);
            ps.setFetchSize(10_000);
            var rs = ps.executeQuery();
            while (rs.next()) {
                Date to = rs.getDate(4);
                out.computeIfAbsent(rs.getString(5), k -> new ArrayList<>()).add(new Unit(rs.getLong(1), rs.getString(2),
                        rs.getDate(3).toLocalDate(), to == null ? null : to.toLocalDate()));
            }
        }
        return out;
    }

    private static Map<String, Indicator> indicators(Connection c, int territoryId) throws SQLException {
        Map<String, Indicator> out = new HashMap<>();
        try (var ps = c.prepareStatement("select indicator_id, key, kind, scale_factor, numerator_may_exceed_denominator, "
                + "numerator_may_be_negative, decimals, periodicity from atlas.indicator where territory_id = ?")) {
            ps.setInt(1, territoryId);
            var rs = ps.executeQuery();
            while (rs.next()) {
                out.put(rs.getString(2), new Indicator(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getInt(7), rs.getBoolean(5), rs.getBoolean(6), true, Periodicity.parse(rs.getString(8))));
            }
        }
        return out;
    }

    /**
     * The indicators a user may import values into (the keys {@code writable}), with what the import
     * form shows: title, theme, kind, unit, and the period forms their periodicity reads.
     */
    public List<Map<String, Object>> targets(String territoryKey, java.util.Set<String> writable) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
             var ps = c.prepareStatement("select i.key, i.title, th.title, i.kind, i.unit_label, i.periodicity from atlas.indicator i "
                     + "join atlas.territory t using (territory_id) left join atlas.theme th on th.theme_id = i.theme_id "
                     + "where t.key = ? and i.key = any (?) order by th.sort_order, th.title, i.title")) {
            ps.setString(1, territoryKey);
            ps.setArray(2, c.createArrayOf("text", writable.toArray()));
            var rs = ps.executeQuery();
            while (rs.next()) {
                Periodicity p = Periodicity.parse(rs.getString(6));
                Map<String, Object> m = new java.util.LinkedHashMap<>();
                m.put("key", rs.getString(1));
                m.put("title", rs.getString(2));
                m.put("theme", rs.getString(3));
                m.put("kind", rs.getString(4));
                m.put("unit_label", rs.getString(5));
                m.put("periodicity", p.label());
                m.put("period_forms", p.forms());
                out.add(m);
            }
        }
        return out;
    }

    static String human(long bytes) {
        return String.format(Locale.GERMANY, "%,d MB", bytes / (1024 * 1024));
    }
}
