package de.chancenatlas.core.style;

import de.chancenatlas.core.text.GermanFormat;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The one classification model: classes (lower bound inclusive, upper exclusive except the last),
 * their colours and German legend labels. MapServer's classes, the SLD export and class attributes
 * in WFS and reports are all written from an instance of this.
 */
public record Classification(Method method, List<Double> breaks, List<String> colours, int decimals, String unitLabel,
                             List<String> categoryLabels) {

    /** Colours for values outside the classes: no data, and withheld (suppressed). */
    public static final String NO_DATA_COLOUR = "#ffffff";
    public static final String SUPPRESSED_COLOUR = "#bdbdbd";

    /**
     * {@code CATEGORIES}: one class per value of a categorical or ordinal indicator (a status index
     * 1-4, a settlement type), the breaks half-way between neighbouring values.
     */
    public enum Method { QUANTILE, EQUAL_INTERVAL, JENKS, MANUAL, CATEGORIES }

    /**
     * n classes have n + 1 breaks: the minimum, n - 1 inner breaks, the maximum.
     * {@code categoryLabels}: the legend of a {@code CATEGORIES} classification ("1 – hoch"), else null.
     */
    public Classification {
        if (breaks.size() < 2 || colours.size() != breaks.size() - 1) {
            throw new IllegalArgumentException("need n + 1 breaks for n colours");
        }
        if (categoryLabels != null && categoryLabels.size() != colours.size()) {
            throw new IllegalArgumentException("need one label per category");
        }
        breaks = List.copyOf(breaks);
        colours = List.copyOf(colours);
        categoryLabels = categoryLabels == null ? null : List.copyOf(categoryLabels);
    }

    public Classification(Method method, List<Double> breaks, List<String> colours, int decimals, String unitLabel) {
        this(method, breaks, colours, decimals, unitLabel, null);
    }

    /** At most this many categories: the palettes have nine colours (qualitative ones eight). */
    public static final int MAX_CATEGORIES = 9;

    public int classes() {
        return colours.size();
    }

    /** The class (1-based) of a value, or 0 for none. */
    public int classOf(double v) {
        if (Double.isNaN(v)) {
            return 0;
        }
        for (int i = 1; i < breaks.size(); i++) {
            if (v < breaks.get(i) || i == breaks.size() - 1) {
                return v < breaks.get(0) ? 1 : i;
            }
        }
        return classes();
    }

    /** "1,5 bis unter 2,3" style labels with the indicator's decimals; a category's own label ("1 – hoch"). */
    public List<String> labels() {
        if (categoryLabels != null) {
            return categoryLabels;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < classes(); i++) {
            String lo = GermanFormat.format(BigDecimal.valueOf(breaks.get(i)), decimals);
            String hi = GermanFormat.format(BigDecimal.valueOf(breaks.get(i + 1)), decimals);
            out.add(i < classes() - 1 ? lo + " bis unter " + hi : lo.equals(hi) ? lo : lo + " – " + hi);
        }
        return out;
    }

    /**
     * Classifies values by the indicator's settings ({@code method}, {@code classes}, {@code palette},
     * {@code breaks} for manual) and polarity: a "higher is better" indicator gets its palette reversed
     * where that makes high values the favourable colour.
     */
    public static Classification of(double[] values, Map<String, Object> settings, String polarity, int decimals, String unitLabel) {
        Method method = Method.valueOf(String.valueOf(settings.getOrDefault("method", "quantile")).toUpperCase().replace('-', '_'));
        int n = Math.max(3, Math.min(9, ((Number) settings.getOrDefault("classes", 5)).intValue()));
        Palette palette = settings.containsKey("palette") ? Palette.byKey(String.valueOf(settings.get("palette"))) : Palette.forPolarity(polarity);
        double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (method == Method.CATEGORIES) {
            Classification c = categories(v, settings, palette, polarity, decimals, unitLabel);
            if (c != null) {
                return c;
            }
            method = Method.QUANTILE;   // more distinct values than colours, none declared: not categorical data
        }
        List<Double> breaks;
        if (method == Method.MANUAL) {
            @SuppressWarnings("unchecked")
            List<Number> manual = (List<Number>) settings.get("breaks");
            if (manual == null || manual.size() < 2) {
                throw new IllegalArgumentException("manual classification needs 'breaks' (at least two numbers)");
            }
            breaks = manual.stream().map(Number::doubleValue).sorted().toList();
            n = breaks.size() - 1;
        } else if (v.length == 0) {
            breaks = List.of(0.0, 1.0);
            n = 1;
        } else {
            breaks = switch (method) {
                case QUANTILE -> quantile(v, n);
                case EQUAL_INTERVAL -> equalInterval(v, n);
                case JENKS -> jenks(v, n);
                default -> throw new IllegalStateException();
            };
            n = breaks.size() - 1;
        }
        List<String> colours = palette.colours(Math.max(n, 1));
        if (palette.diverging() && "higher_is_better".equals(polarity)) {
            colours = new ArrayList<>(colours);
            java.util.Collections.reverse(colours);
        }
        return new Classification(method, breaks, colours.subList(0, n), decimals, unitLabel);
    }

    /**
     * One class per category: the values declared in {@code categories} (a list of values, of
     * {@code {value, label}}, or a map value → label), else each distinct value present. Classes in
     * value order, labelled "value – label"; colours as for other methods (a qualitative palette in
     * order, a diverging one turned by polarity). Null when undeclared and more than
     * {@link #MAX_CATEGORIES} values occur.
     */
    private static Classification categories(double[] sorted, Map<String, Object> settings, Palette palette, String polarity,
                                             int decimals, String unitLabel) {
        java.util.TreeMap<Double, String> cats = new java.util.TreeMap<>();
        Object declared = settings.get("categories");
        if (declared instanceof Map<?, ?> m) {
            m.forEach((k, l) -> cats.put(number(k), l == null ? null : String.valueOf(l)));
        } else if (declared instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    cats.put(number(m.get("value")), m.get("label") == null ? null : String.valueOf(m.get("label")));
                } else {
                    cats.put(number(o), null);
                }
            }
        } else {
            for (double d : sorted) {
                cats.put(d, null);
            }
        }
        if (declared != null && (cats.isEmpty() || cats.size() > MAX_CATEGORIES)) {
            throw new IllegalArgumentException("classification 'categories' needs 1 to " + MAX_CATEGORIES + " values");
        }
        if (cats.isEmpty()) {
            cats.put(0.0, null);
        }
        if (cats.size() > Math.min(MAX_CATEGORIES, palette.maxColours())) {
            if (declared != null) {
                throw new IllegalArgumentException("palette " + palette.key() + " has " + palette.maxColours() + " colours for "
                        + cats.size() + " categories");
            }
            return null;
        }
        List<Double> keys = new ArrayList<>(cats.keySet());
        List<Double> breaks = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        breaks.add(keys.get(0));
        for (int i = 0; i < keys.size(); i++) {
            breaks.add(i < keys.size() - 1 ? (keys.get(i) + keys.get(i + 1)) / 2 : keys.size() == 1 ? keys.get(i) + 1 : keys.get(i));
            String value = GermanFormat.format(BigDecimal.valueOf(keys.get(i)), decimals);
            String label = cats.get(keys.get(i));
            labels.add(label == null || label.isBlank() ? value : value + " – " + label);
        }
        List<String> colours = new ArrayList<>(palette.colours(keys.size()));
        if (palette.diverging() && "higher_is_better".equals(polarity)) {
            java.util.Collections.reverse(colours);
        }
        return new Classification(Method.CATEGORIES, breaks, colours, decimals, unitLabel, labels);
    }

    private static double number(Object o) {
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(o).strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("category '" + o + "' is not a number (categories are coded as numbers, labels beside)");
        }
    }

    static List<Double> quantile(double[] sorted, int n) {
        List<Double> b = new ArrayList<>();
        b.add(sorted[0]);
        for (int i = 1; i < n; i++) {
            double q = sorted[(int) Math.floor((double) i * sorted.length / n)];
            if (q > b.get(b.size() - 1)) {
                b.add(q);   // ties collapse: fewer classes rather than empty ones
            }
        }
        if (sorted[sorted.length - 1] > b.get(b.size() - 1) || b.size() == 1) {
            b.add(sorted[sorted.length - 1] > b.get(b.size() - 1) ? sorted[sorted.length - 1] : b.get(0) + 1);
        }
        return b;
    }

    static List<Double> equalInterval(double[] sorted, int n) {
        double min = sorted[0];
        double max = sorted[sorted.length - 1];
        if (max == min) {
            return List.of(min, min + 1);
        }
        List<Double> b = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            b.add(min + (max - min) * i / n);
        }
        return b;
    }

    /** Jenks natural breaks (Fisher's exact optimisation of within-class variance). */
    static List<Double> jenks(double[] sorted, int n) {
        int m = sorted.length;
        n = Math.min(n, new java.util.TreeSet<>(Arrays.stream(sorted).boxed().toList()).size());
        if (n < 2) {
            return equalInterval(sorted, 1);
        }
        double[][] lower = new double[m + 1][n + 1];
        double[][] variance = new double[m + 1][n + 1];
        for (int j = 1; j <= n; j++) {
            lower[1][j] = 1;
            for (int i = 2; i <= m; i++) {
                variance[i][j] = Double.MAX_VALUE;
            }
        }
        for (int l = 2; l <= m; l++) {
            double s1 = 0;
            double s2 = 0;
            double w = 0;
            double v = 0;
            for (int k = 1; k <= l; k++) {
                int i3 = l - k + 1;
                double val = sorted[i3 - 1];
                s2 += val * val;
                s1 += val;
                w++;
                v = s2 - (s1 * s1) / w;
                int i4 = i3 - 1;
                if (i4 != 0) {
                    for (int j = 2; j <= n; j++) {
                        if (variance[l][j] >= v + variance[i4][j - 1]) {
                            lower[l][j] = i3;
                            variance[l][j] = v + variance[i4][j - 1];
                        }
                    }
                }
            }
            lower[l][1] = 1;
            variance[l][1] = v;
        }
        double[] b = new double[n + 1];
        b[n] = sorted[m - 1];
        b[0] = sorted[0];
        int k = m;
        for (int j = n; j >= 2; j--) {
            int id = (int) lower[k][j] - 2;
            b[j - 1] = sorted[id + 1];
            k = (int) lower[k][j] - 1;
        }
        // the classes' lower bounds (equal ones merged), then the maximum: a top class of the maximum alone (an
        // outlier, what Jenks is for) keeps its class as [max, max] instead of vanishing into the one below
        List<Double> out = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            if (out.isEmpty() || b[j] > out.get(out.size() - 1)) {
                out.add(b[j]);
            }
        }
        out.add(b[n]);
        return out.size() < 2 ? List.of(sorted[0], sorted[0] + 1) : out;
    }
}
