package de.chancenatlas.core.style;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Colour schemes after ColorBrewer (Cynthia Brewer, Penn State): the colour-blind safe sequential and
 * diverging ones, and two qualitative ones for unordered categories (Set2, Dark2; safe for colour-blind
 * viewers up to three classes, so ordinal data keep an ordered scheme). Each ordered scheme is kept
 * in its 9-class form; fewer classes take evenly spaced
 * colours from it, so light stays light and dark stays dark. Sequential schemes skip their lightest,
 * almost white colour unless all nine are used, so no class looks like "no data" (white).
 */
public enum Palette {
    YL_OR_RD("YlOrRd", false, "#ffffcc", "#ffeda0", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#bd0026", "#800026"),
    OR_RD("OrRd", false, "#fff7ec", "#fee8c8", "#fdd49e", "#fdbb84", "#fc8d59", "#ef6548", "#d7301f", "#b30000", "#7f0000"),
    YL_GN_BU("YlGnBu", false, "#ffffd9", "#edf8b1", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#253494", "#081d58"),
    BLUES("Blues", false, "#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"),
    GREENS("Greens", false, "#f7fcf5", "#e5f5e0", "#c7e9c0", "#a1d99b", "#74c476", "#41ab5d", "#238b45", "#006d2c", "#00441b"),
    PURPLES("Purples", false, "#fcfbfd", "#efedf5", "#dadaeb", "#bcbddc", "#9e9ac8", "#807dba", "#6a51a3", "#54278f", "#3f007d"),
    RD_BU("RdBu", true, "#b2182b", "#d6604d", "#f4a582", "#fddbc7", "#f7f7f7", "#d1e5f0", "#92c5de", "#4393c3", "#2166ac"),
    PU_OR("PuOr", true, "#b35806", "#e08214", "#fdb863", "#fee0b6", "#f7f7f7", "#d8daeb", "#b2abd2", "#8073ac", "#542788"),
    BR_BG("BrBG", true, "#8c510a", "#bf812d", "#dfc27d", "#f6e8c3", "#f5f5f5", "#c7eae5", "#80cdc1", "#35978f", "#01665e"),
    /** Qualitative (unordered categories): distinct hues, taken in order; eight colours. */
    SET2("Set2", false, true, "#66c2a5", "#fc8d62", "#8da0cb", "#e78ac3", "#a6d854", "#ffd92f", "#e5c494", "#b3b3b3"),
    DARK2("Dark2", false, true, "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666");

    private final String key;
    private final boolean diverging;
    private final boolean qualitative;
    private final String[] nine;

    Palette(String key, boolean diverging, String... nine) {
        this(key, diverging, false, nine);
    }

    Palette(String key, boolean diverging, boolean qualitative, String... nine) {
        this.key = key;
        this.diverging = diverging;
        this.qualitative = qualitative;
        this.nine = nine;
    }

    public boolean qualitative() {
        return qualitative;
    }

    /** How many colours the scheme has (9; qualitative ones 8). */
    public int maxColours() {
        return nine.length;
    }

    public String key() {
        return key;
    }

    public boolean diverging() {
        return diverging;
    }

    /** {@code n} colours (3-9) from light to dark (sequential) or from one end to the other (diverging). */
    public List<String> colours(int n) {
        if (n < 1 || n > nine.length) {
            throw new IllegalArgumentException("1 to " + nine.length + " classes, not " + n);
        }
        if (qualitative) {
            return List.of(nine).subList(0, n);   // hues carry no order: the first n
        }
        List<String> out = new ArrayList<>(n);
        int first = diverging || n == 9 ? 0 : 1;
        for (int i = 0; i < n; i++) {
            out.add(nine[n == 1 ? 4 : first + Math.round(i * (8f - first) / (n - 1))]);
        }
        return out;
    }

    public static Palette byKey(String key) {
        for (Palette p : values()) {
            if (p.key.equalsIgnoreCase(key)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown palette '" + key + "'; known: " + java.util.Arrays.stream(values())
                .map(Palette::key).toList());
    }

    /** The default scheme for an indicator's polarity: warm for "higher is worse", cool for "better". */
    public static Palette forPolarity(String polarity) {
        return switch (polarity == null ? "neutral" : polarity.toLowerCase(Locale.ROOT)) {
            case "higher_is_worse" -> YL_OR_RD;
            case "higher_is_better" -> YL_GN_BU;
            default -> PURPLES;
        };
    }
}
