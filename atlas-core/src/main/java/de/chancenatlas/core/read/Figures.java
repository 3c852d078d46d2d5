package de.chancenatlas.core.read;

import de.chancenatlas.core.access.AccessProblem;
import de.chancenatlas.core.style.Classification;
import de.chancenatlas.core.text.GermanFormat;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What is derived from the values for people to read them: rank, change to the previous period, the
 * map's class of each unit with the count per class, the territory's and the parent's reference
 * values, and the Einordnung of an area against the territory. Computed here once, from
 * {@link AtlasReader} as the viewer, so the web atlas, the API and the reports read the same.
 */
public final class Figures {
    /** Relative deviation from the territory value up to which an area counts as average (the profile report's default). */
    public static final double DEFAULT_THRESHOLD = 0.10;

    private final AtlasReader reader;

    public Figures(AtlasReader reader) {
        this.reader = reader;
    }

    /** One legend entry: class 1..n, or -1 withheld, 0 no data; {@code count} units of the table are in it. */
    public record ClassCount(int klasse, String label, String marker, String colour, long count) { }

    /** A reference value: the territory total or a parent. */
    public record Reference(String unitCode, String unitName, BigDecimal value, String formatted) { }

    /**
     * One unit in the table.
     * @param rank   1 for the highest value, equal values share a rank; null without a value
     * @param klasse the map's class (1..n), -1 withheld, 0 no data; null when the level has no map layer
     * @param change value minus the previous period's value (as displayed), null when either is missing
     */
    public record Row(String unitCode, String unitName, String parentCode, String parentName, String parentFormatted, BigDecimal value, String formatted,
                      String status, String statusText, Integer klasse, String colour, Integer rank, BigDecimal change,
                      String changeFormatted, String previousFormatted) { }

    /** An indicator on one level in one period, as a map legend, a ranking and a table show it. */
    public record Table(String indicator, String level, String levelName, String period, String periodLabel, String stichtag,
                        String previousPeriod, String previousPeriodLabel,
                        String unitLabel, int decimals, String polarity, Reference territory, List<ClassCount> classes,
                        List<Row> rows) { }

    /** An area against the territory: {@code position} from deutlich_ueber to deutlich_unter; {@code tendency} favourable by polarity. */
    public record Einordnung(String position, String text, String tendency, String tendencyText) { }

    public record Point(String period, String periodLabel, BigDecimal value, String formatted, BigDecimal parentValue, String parentFormatted,
                        BigDecimal territoryValue, String territoryFormatted) { }

    public record ProfileEntry(String indicator, String title, String shortTitle, String unitLabel, String polarity, String period,
                               String periodLabel,
                               BigDecimal value, String formatted, String status, String parentFormatted, String territoryFormatted,
                               BigDecimal deviation, String deviationFormatted, Double relativeDeviation, Einordnung einordnung, BigDecimal change,
                               String changeFormatted, List<Point> series) { }

    public record ProfileTheme(String theme, String title, List<ProfileEntry> indicators) { }

    public record Profile(AtlasReader.Unit unit, String levelName, AtlasReader.Unit parent, AtlasReader.Unit total, String period,
                          double threshold, List<ProfileTheme> themes) { }

    private static final Map<String, String> STATUS_TEXT = Map.of("ok", "endgültig", "provisional", "vorläufig", "estimated", "geschätzt",
            "secret", "geheim (intern)", "suppressed", "Geheimhaltung", "incomplete", "unvollständig", "no_data", "keine Angabe");

    /**
     * The table of an indicator on a level. Without {@code period} the latest. The classes are the map's
     * default style (the WMS's {@code standard}), each unit classed from the map layer's own value.
     */
    public Table table(Viewer viewer, String territory, String key, String level, String period) throws SQLException {
        AtlasReader.Indicator ind = reader.indicator(viewer, territory, key)
                .orElseThrow(() -> new AccessProblem(AccessProblem.Kind.NOT_FOUND, "Indikator nicht gefunden / indicator not found: " + key));
        List<AtlasReader.Level> levels = reader.levels(viewer, territory);
        AtlasReader.Level lvl = levels.stream().filter(l -> l.key().equals(level)).findFirst()
                .orElseThrow(() -> new AccessProblem(AccessProblem.Kind.NOT_FOUND, "Ebene nicht gefunden / level not found: " + level));
        AtlasReader.Period p = period(ind, period);
        AtlasReader.Period previous = previous(ind, p);
        Map<String, AtlasReader.Unit> units = new HashMap<>();
        for (AtlasReader.Unit u : reader.units(viewer, territory, null, null)) {
            units.put(u.code(), u);
        }
        List<AtlasReader.Value> now = p == null ? List.of() : reader.values(viewer, territory, ind, level, p.period());
        Map<String, AtlasReader.Value> before = new HashMap<>();
        if (previous != null) {
            reader.values(viewer, territory, ind, level, previous.period()).forEach(v -> before.put(v.unitCode(), v));
        }
        Reference total = null;
        if (p != null && !levels.isEmpty()) {
            total = reader.values(viewer, territory, ind, levels.get(0).key(), p.period()).stream().findFirst()
                    .map(v -> new Reference(v.unitCode(), v.unitName(), v.value(), v.formatted())).orElse(null);
        }
        // the parent level's values in the same period: each row's reference beside the territory's
        Map<String, AtlasReader.Value> parents = new HashMap<>();
        int at = levels.indexOf(lvl);
        if (p != null && at > 0) {
            reader.values(viewer, territory, ind, levels.get(at - 1).key(), p.period()).forEach(v -> parents.put(v.unitCode(), v));
        }
        Optional<Classification> classes = reader.styles(viewer, territory, key, level).map(s -> s.standard());
        Map<String, AtlasReader.LayerValue> layer = p == null ? Map.of() : reader.layerValues(viewer, territory, key, level, p.stichtag());
        Map<String, Integer> ranks = ranks(now);
        Map<Integer, Long> counts = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (AtlasReader.Value v : now) {
            AtlasReader.Unit u = units.get(v.unitCode());
            AtlasReader.Unit parent = u == null || u.parentCode() == null ? null : units.get(u.parentCode());
            Integer k = classes.isPresent() && layer.containsKey(v.unitCode()) ? klasse(classes.get(), layer.get(v.unitCode())) : null;
            if (k != null) {
                counts.merge(k, 1L, Long::sum);
            }
            AtlasReader.Value b = before.get(v.unitCode());
            BigDecimal change = v.value() != null && b != null && b.value() != null ? v.value().subtract(b.value()) : null;
            AtlasReader.Value pv = parent == null ? null : parents.get(parent.code());
            rows.add(new Row(v.unitCode(), v.unitName(), parent == null ? null : parent.code(), parent == null ? null : parent.name(),
                    parent == null ? null : pv == null ? "x" : pv.formatted(), v.value(), v.formatted(), v.status(), STATUS_TEXT.getOrDefault(v.status(), v.status()), k,
                    k == null ? null : colour(classes.get(), k), ranks.get(v.unitCode()), change,
                    change == null ? null : difference(change, ind.decimals()), b == null ? null : b.formatted()));
        }
        List<ClassCount> legend = new ArrayList<>();
        if (classes.isPresent()) {
            Classification c = classes.get();
            List<String> labels = c.labels();
            for (int i = 1; i <= c.classes(); i++) {
                legend.add(new ClassCount(i, labels.get(i - 1), null, c.colours().get(i - 1), counts.getOrDefault(i, 0L)));
            }
            legend.add(new ClassCount(-1, "aus Datenschutzgründen nicht veröffentlicht", "–", Classification.SUPPRESSED_COLOUR,
                    counts.getOrDefault(-1, 0L)));
            legend.add(new ClassCount(0, "keine Daten", "x", Classification.NO_DATA_COLOUR, counts.getOrDefault(0, 0L)));
        }
        return new Table(key, lvl.key(), lvl.name(), p == null ? null : p.period(), p == null ? null : p.periodLabel(),
                p == null ? null : p.stichtag(), previous == null ? null : previous.period(), previous == null ? null : previous.periodLabel(),
                ind.unitLabel(), ind.decimals(), ind.polarity(), total, legend, rows);
    }

    /** The same rule as the map layer's class (MapfileWriter.classSql): withheld first, then no value, then the bounds. */
    static int klasse(Classification c, AtlasReader.LayerValue v) {
        if ("suppressed".equals(v.status())) {
            return -1;
        }
        return v.value() == null ? 0 : c.classOf(v.value());
    }

    private static String colour(Classification c, int k) {
        return k > 0 ? c.colours().get(k - 1) : k < 0 ? Classification.SUPPRESSED_COLOUR : Classification.NO_DATA_COLOUR;
    }

    /** Standard competition ranking on the displayed values, 1 for the highest. */
    static Map<String, Integer> ranks(List<AtlasReader.Value> values) {
        List<AtlasReader.Value> valued = values.stream().filter(v -> v.value() != null)
                .sorted(Comparator.comparing(AtlasReader.Value::value).reversed()).toList();
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < valued.size(); i++) {
            boolean tie = i > 0 && valued.get(i).value().compareTo(valued.get(i - 1).value()) == 0;
            out.put(valued.get(i).unitCode(), tie ? out.get(valued.get(i - 1).unitCode()) : i + 1);
        }
        return out;
    }

    /**
     * The period asked for (a key, a Stichtag or a form the periodicity reads; it must have values), else the
     * latest; null when the indicator has none.
     */
    static AtlasReader.Period period(AtlasReader.Indicator ind, String asked) {
        if (asked != null && !asked.isBlank()) {
            AtlasReader.Period p = ind.period(asked);
            if (!ind.periods().contains(p)) {
                throw new AccessProblem(AccessProblem.Kind.NOT_FOUND, "Zeitraum " + asked + " hat keine Werte / period has no values; "
                        + "vorhanden / available: " + ind.periodKeys());
            }
            return p;
        }
        return ind.latest();
    }

    /** A profile's period for one indicator: the one asked for where it has values, else its latest. */
    private static AtlasReader.Period inPeriod(AtlasReader.Indicator ind, String asked) {
        if (asked != null && !asked.isBlank()) {
            try {
                AtlasReader.Period p = ind.period(asked);
                if (ind.periods().contains(p)) {
                    return p;
                }
            } catch (RuntimeException notOneOfItsPeriods) {
                // an indicator of another periodicity reads the text differently: its latest period
            }
        }
        return ind.latest();
    }

    static AtlasReader.Period previous(AtlasReader.Indicator ind, AtlasReader.Period p) {
        int i = p == null ? -1 : ind.periods().indexOf(p);
        return i > 0 ? ind.periods().get(i - 1) : null;
    }

    /** A signed difference with the indicator's decimals: "+1,2", "−0,4", "0,0". */
    public static String difference(BigDecimal d, int decimals) {
        if (d == null) {
            return "";
        }
        String s = GermanFormat.format(d.abs(), decimals);
        return d.signum() > 0 ? "+" + s : d.signum() < 0 ? "−" + s : s;
    }

    /**
     * Where a value lies against the reference (the territory): within ± threshold (relative) "im Mittel",
     * beyond twice the threshold "deutlich"; favourable or not by the indicator's polarity. Null without
     * both values or with a reference of zero.
     */
    public static Einordnung einordnung(BigDecimal value, BigDecimal reference, String polarity, double threshold) {
        if (value == null || reference == null || reference.signum() == 0) {
            return null;
        }
        double rel = (value.doubleValue() - reference.doubleValue()) / Math.abs(reference.doubleValue());
        String position;
        String text;
        if (Math.abs(rel) <= threshold) {
            position = "im_mittel";
            text = "im Mittel";
        } else if (rel > 2 * threshold) {
            position = "deutlich_ueber";
            text = "deutlich über dem Durchschnitt";
        } else if (rel > 0) {
            position = "ueber";
            text = "über dem Durchschnitt";
        } else if (rel < -2 * threshold) {
            position = "deutlich_unter";
            text = "deutlich unter dem Durchschnitt";
        } else {
            position = "unter";
            text = "unter dem Durchschnitt";
        }
        String tendency = "neutral";
        if (!"im_mittel".equals(position) && ("higher_is_better".equals(polarity) || "higher_is_worse".equals(polarity))) {
            tendency = "higher_is_better".equals(polarity) == rel > 0 ? "guenstig" : "unguenstig";
        }
        String tendencyText = switch (tendency) {
            case "guenstig" -> "günstig";
            case "unguenstig" -> "ungünstig";
            default -> "neutral";
        };
        return new Einordnung(position, text, tendency, tendencyText);
    }

    /**
     * The profile of one unit: every indicator the viewer may read, by theme, in {@code period} (or each
     * indicator's latest), against its parent and the territory, with the series over all periods.
     */
    public Profile profile(Viewer viewer, String territory, String unitCode, String period, double threshold) throws SQLException {
        if (!(threshold > 0 && threshold < 1)) {
            throw new AccessProblem(AccessProblem.Kind.INVALID, "Schwelle zwischen 0 und 1 / threshold between 0 and 1");
        }
        Map<String, AtlasReader.Unit> units = new LinkedHashMap<>();
        for (AtlasReader.Unit u : reader.units(viewer, territory, null, null)) {
            units.put(u.code(), u);
        }
        AtlasReader.Unit unit = units.get(unitCode);
        if (unit == null) {
            throw new AccessProblem(AccessProblem.Kind.NOT_FOUND, "Gebietseinheit nicht gefunden / unit not found: " + unitCode);
        }
        List<AtlasReader.Level> levels = reader.levels(viewer, territory);
        AtlasReader.Unit parent = unit.parentCode() == null ? null : units.get(unit.parentCode());
        AtlasReader.Unit total = levels.isEmpty() ? null
                : units.values().stream().filter(u -> u.level().equals(levels.get(0).key())).findFirst().orElse(null);
        String levelName = levels.stream().filter(l -> l.key().equals(unit.level())).map(AtlasReader.Level::name).findFirst().orElse(unit.level());
        Map<String, ProfileTheme> themes = new LinkedHashMap<>();
        for (AtlasReader.Indicator ind : reader.indicators(viewer, territory)) {
            AtlasReader.Period p = inPeriod(ind, period);
            Map<String, Map<String, AtlasReader.Value>> byUnit = new HashMap<>();
            List<String> wanted = new ArrayList<>(List.of(unit.code()));
            if (parent != null) {
                wanted.add(parent.code());
            }
            if (total != null) {
                wanted.add(total.code());
            }
            for (AtlasReader.Value v : reader.values(viewer, territory, ind, wanted)) {
                byUnit.computeIfAbsent(v.unitCode(), c -> new HashMap<>()).put(v.period(), v);
            }
            Map<String, AtlasReader.Value> mine = byUnit.getOrDefault(unit.code(), Map.of());
            Map<String, AtlasReader.Value> up = parent == null ? Map.of() : byUnit.getOrDefault(parent.code(), Map.of());
            Map<String, AtlasReader.Value> all = total == null ? Map.of() : byUnit.getOrDefault(total.code(), Map.of());
            List<Point> series = new ArrayList<>();
            for (AtlasReader.Period period1 : ind.periods()) {
                String q = period1.period();
                AtlasReader.Value a = mine.get(q);
                AtlasReader.Value b = up.get(q);
                AtlasReader.Value c = all.get(q);
                series.add(new Point(q, period1.periodLabel(), a == null ? null : a.value(), a == null ? "x" : a.formatted(), b == null ? null : b.value(),
                        b == null ? (parent == null ? null : "x") : b.formatted(), c == null ? null : c.value(), c == null ? "x" : c.formatted()));
            }
            AtlasReader.Value v = p == null ? null : mine.get(p.period());
            AtlasReader.Value pv = p == null ? null : up.get(p.period());
            AtlasReader.Value tv = p == null ? null : all.get(p.period());
            AtlasReader.Period prev = previous(ind, p);
            AtlasReader.Value before = prev == null ? null : mine.get(prev.period());
            BigDecimal value = v == null ? null : v.value();
            BigDecimal reference = tv == null ? null : tv.value();
            // a count (Einwohner) of a part against the whole says nothing: deviation and Einordnung for rates only
            boolean comparable = !"count".equals(ind.kind()) && !unit.code().equals(total == null ? null : total.code());
            BigDecimal deviation = comparable && value != null && reference != null ? value.subtract(reference) : null;
            BigDecimal change = value != null && before != null && before.value() != null ? value.subtract(before.value()) : null;
            ProfileEntry e = new ProfileEntry(ind.key(), ind.title(), ind.shortTitle(), ind.unitLabel(), ind.polarity(),
                    p == null ? null : p.period(), p == null ? null : p.periodLabel(), value,
                    v == null ? "x" : v.formatted(), v == null ? "no_data" : v.status(), parent == null ? null : pv == null ? "x" : pv.formatted(),
                    tv == null ? "x" : tv.formatted(), deviation, deviation == null ? null : difference(deviation, ind.decimals()),
                    deviation == null || reference.signum() == 0 ? null
                            : Math.round(deviation.doubleValue() / Math.abs(reference.doubleValue()) * 10000) / 10000.0,
                    comparable ? einordnung(value, reference, ind.polarity(), threshold) : null,
                    change, change == null ? null : difference(change, ind.decimals()), series);
            themes.computeIfAbsent(ind.theme(), k -> new ProfileTheme(k, ind.themeTitle(), new ArrayList<>())).indicators().add(e);
        }
        return new Profile(unit, levelName, parent, total, period, threshold, List.copyOf(themes.values()));
    }
}
