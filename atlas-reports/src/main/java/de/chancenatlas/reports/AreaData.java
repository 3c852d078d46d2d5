package de.chancenatlas.reports;

import de.chancenatlas.core.read.AtlasReader;
import de.chancenatlas.core.read.Viewer;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the area reports (profile, comparison, book) read about a territory as one viewer: its
 * units, levels, the indicators the viewer may read, and each indicator's values by unit and
 * period, each read once through {@link AtlasReader} and kept for the reports made from it
 * ({@link ReportService} keeps it until the data changes). The values of all indicators are read
 * on first use, on two connections at once.
 */
final class AreaData {
    final AtlasReader.Territory territory;
    final List<AtlasReader.Level> levels;
    final Map<String, AtlasReader.Unit> units = new LinkedHashMap<>();
    final List<AtlasReader.Indicator> indicators;
    final String totalCode;
    final String totalName;
    private final ReportService s;
    private final Viewer viewer;
    private final Map<String, Map<String, Map<String, AtlasReader.Value>>> values = new ConcurrentHashMap<>();

    AreaData(ReportService s, Viewer viewer, String territory) throws SQLException {
        this.s = s;
        this.viewer = viewer;
        this.territory = s.territory(viewer, territory);
        this.levels = s.reader.levels(viewer, territory);
        for (AtlasReader.Unit u : s.reader.units(viewer, territory, null, null)) {
            units.put(u.code(), u);
        }
        this.indicators = s.reader.indicators(viewer, territory);
        AtlasReader.Unit top = levels.isEmpty() ? null
                : units.values().stream().filter(u -> u.level().equals(levels.get(0).key())).findFirst().orElse(null);
        this.totalCode = top == null ? null : top.code();
        this.totalName = top == null ? this.territory.name() : top.name();
    }

    AtlasReader.Unit unit(String code) {
        AtlasReader.Unit u = units.get(code);
        if (u == null) {
            throw new ReportProblem.NotFound("Gebietseinheit / unit " + code);
        }
        return u;
    }

    AtlasReader.Indicator indicator(String key) {
        return indicators.stream().filter(i -> i.key().equals(key)).findFirst()
                .orElseThrow(() -> new ReportProblem.NotFound("Indikator / indicator " + key));
    }

    String levelName(String key) {
        return levels.stream().filter(l -> l.key().equals(key)).map(AtlasReader.Level::name).findFirst().orElse(key);
    }

    /** The values of an indicator: unit code → period → value. */
    Map<String, Map<String, AtlasReader.Value>> values(AtlasReader.Indicator ind) throws SQLException {
        Map<String, Map<String, AtlasReader.Value>> m = values.get(ind.key());
        if (m == null) {
            readAll();
            m = values.get(ind.key());
        }
        return m == null ? read(ind) : m;
    }

    /** Every indicator's values, two at a time (each read aggregates the territory in the database). */
    private synchronized void readAll() throws SQLException {
        if (!values.isEmpty()) {
            return;
        }
        try {
            indicators.parallelStream().forEach(ind -> {
                try {
                    values.put(ind.key(), read(ind));
                } catch (SQLException e) {
                    throw new java.io.UncheckedIOException(new java.io.IOException(e));
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw (SQLException) e.getCause().getCause();
        }
    }

    private Map<String, Map<String, AtlasReader.Value>> read(AtlasReader.Indicator ind) throws SQLException {
        Map<String, Map<String, AtlasReader.Value>> m = new HashMap<>();
        for (AtlasReader.Value v : s.reader.values(viewer, territory.key(), ind.key(), null, null).orElse(List.of())) {
            m.computeIfAbsent(v.unitCode(), c -> new HashMap<>()).put(v.period(), v);
        }
        return m;
    }

    /**
     * The period a report shows for an indicator: the one asked for (any form its periodicity reads;
     * a year is the indicator's latest period in that year), else the indicator's latest; null when
     * it has none or the asked one is no period of it.
     */
    static AtlasReader.Period period(AtlasReader.Indicator ind, String asked) {
        if (ind.periods().isEmpty()) {
            return null;
        }
        if (asked == null || asked.isBlank()) {
            return ind.latest();
        }
        try {
            AtlasReader.Period p = ind.period(asked);
            return ind.periods().contains(p) ? p : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    AtlasReader.Value value(AtlasReader.Indicator ind, String unitCode, AtlasReader.Period period) throws SQLException {
        if (unitCode == null || period == null) {
            return null;
        }
        return values(ind).getOrDefault(unitCode, Map.of()).get(period.period());
    }
}
