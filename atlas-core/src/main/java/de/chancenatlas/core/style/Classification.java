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
public record Classification(Method method, List<Double> breaks, List<String> colours, int decimals, String unitLabel) {

    /** Colours for values outside the classes: no data, and withheld (suppressed). */
    public static final String NO_DATA_COLOUR = "#ffffff";
    public static final String SUPPRESSED_COLOUR = "#bdbdbd";

    public enum Method { QUANTILE, EQUAL_INTERVAL, JENKS, MANUAL }

    /** n classes have n + 1 breaks: the minimum, n - 1 inner breaks, the maximum. */
    public Classification {
        if (breaks.size() < 2 || colours.size() != breaks.size() - 1) {
            throw new IllegalArgumentException("need n + 1 breaks for n colours");
        }
        breaks = List.copyOf(breaks);
        colours = List.copyOf(colours);
    }

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

    /** "1,5 bis unter 2,3" style labels with the indicator's decimals. */
    public List<String> labels() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < classes(); i++) {
            String lo = GermanFormat.format(BigDecimal.valueOf(breaks.get(i)), decimals);
            String hi = GermanFormat.format(BigDecimal.valueOf(breaks.get(i + 1)), decimals);
            out.add(i == classes() - 1 ? lo + " – " + hi : lo + " bis unter " + hi);
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
        List<Double> out = new ArrayList<>();
        for (double d : b) {
            if (out.isEmpty() || d > out.get(out.size() - 1)) {
                out.add(d);
            }
        }
        return out.size() < 2 ? List.of(sorted[0], sorted[0] + 1) : out;
    }
}
