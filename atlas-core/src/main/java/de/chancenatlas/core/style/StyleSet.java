package de.chancenatlas.core.style;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The named styles of one indicator on one level, all from {@link Classification}: {@code standard}
 * (also reachable as {@code default}, the name WMS gives a layer's default style) is the catalogue's classification over all periods (so years share one legend); {@code quantile},
 * {@code jenks} and {@code equal} are the other methods over all periods with the catalogue's class
 * count and palette; {@code per-period} classifies each year on its own with the catalogue settings.
 * MapServer's class groups and the SLD export are both written from an instance of this.
 */
public record StyleSet(Classification standard, Map<String, Classification> alternatives, Map<String, Classification> perPeriod) {
    /** Not "default": MapServer leaves a class group of that name out of the capabilities. */
    public static final String DEFAULT = "standard";
    public static final String PER_PERIOD = "per-period";
    /** Style names in the order clients list them; the first is the default. */
    public static final List<String> NAMES = List.of(DEFAULT, "quantile", "jenks", "equal", PER_PERIOD);
    private static final Map<String, String> METHODS = Map.of("quantile", "quantile", "jenks", "jenks", "equal", "equal_interval");
    private static final Map<String, String> TITLES = Map.of(
            DEFAULT, "Standard (Katalog, Klassen über alle Zeiträume)",
            "quantile", "Quantile (Klassen über alle Zeiträume)",
            "jenks", "Natürliche Unterbrechungen nach Jenks (Klassen über alle Zeiträume)",
            "equal", "Gleiche Intervalle (Klassen über alle Zeiträume)",
            PER_PERIOD, "Katalog-Klassen je Zeitraum berechnet");

    public StyleSet {
        alternatives = Map.copyOf(alternatives);
        perPeriod = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(perPeriod));   // in Stichtag order
    }

    /**
     * @param values  every value of the indicator on the level (NaN for none)
     * @param periods the period (key) of each value, same order
     * @param order   the indicator's period keys in Stichtag order
     */
    public static StyleSet of(double[] values, String[] periods, List<String> order, Map<String, Object> settings, String polarity,
                              int decimals, String unitLabel) {
        Classification standard = Classification.of(values, settings, polarity, decimals, unitLabel);
        Map<String, Classification> alternatives = new LinkedHashMap<>();
        for (var e : METHODS.entrySet()) {
            Map<String, Object> s = new HashMap<>(settings);
            s.put("method", e.getValue());
            s.remove("breaks");
            s.putIfAbsent("classes", Math.max(3, standard.classes()));
            alternatives.put(e.getKey(), Classification.of(values, s, polarity, decimals, unitLabel));
        }
        Map<String, List<Double>> byPeriod = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            byPeriod.computeIfAbsent(periods[i], p -> new ArrayList<>()).add(values[i]);
        }
        Map<String, Classification> perPeriod = new LinkedHashMap<>();
        for (String p : order) {
            List<Double> v = byPeriod.get(p);
            if (v != null) {
                perPeriod.put(p, Classification.of(v.stream().mapToDouble(Double::doubleValue).toArray(), settings, polarity, decimals, unitLabel));
            }
        }
        return new StyleSet(standard, alternatives, perPeriod);
    }

    /** Whether {@code name} is one of the styles (empty means the default). */
    public static boolean known(String name) {
        return name == null || name.isEmpty() || "default".equals(name) || NAMES.contains(name);
    }

    public static String title(String name) {
        return TITLES.get(name);
    }

    /**
     * The classes of a style over all periods; for {@code per-period} those of {@code period}, or of the
     * latest period when it is null or has no values.
     */
    public Classification classification(String style, String period) {
        if (style == null || style.isEmpty() || DEFAULT.equals(style) || "default".equals(style)) {
            return standard;
        }
        if (PER_PERIOD.equals(style)) {
            if (perPeriod.isEmpty()) {
                return standard;
            }
            Classification c = period == null ? null : perPeriod.get(period);
            return c != null ? c : List.copyOf(perPeriod.values()).get(perPeriod.size() - 1);
        }
        Classification c = alternatives.get(style);
        if (c == null) {
            throw new IllegalArgumentException("unknown style '" + style + "'; known: " + NAMES);
        }
        return c;
    }
}
