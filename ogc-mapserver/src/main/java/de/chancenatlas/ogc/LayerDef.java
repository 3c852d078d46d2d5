package de.chancenatlas.ogc;

import de.chancenatlas.core.style.Classification;
import de.chancenatlas.core.style.StyleSet;
import java.util.List;

/**
 * One published layer: an indicator on a unit level of a territory (or, with {@code indicator}
 * null, the outline of the level). Named {@code territory.indicator.level} / {@code territory.level},
 * the same in WMS and WFS (there as {@code atlas:territory.indicator.level}): a colon would make
 * MapServer's WFS read the territory as a namespace prefix, and one map has one namespace.
 * {@code styles} are the named alternative styles; null offers the default classification only.
 */
public record LayerDef(String territory, String territoryName, int srid, String level, String levelName, String indicator,
                       String title, String abstractText, String theme, String source, String unitLabel, List<Integer> periods,
                       double[] extent, Classification classification, StyleSet styles) {

    public LayerDef(String territory, String territoryName, int srid, String level, String levelName, String indicator,
                    String title, String abstractText, String theme, String source, String unitLabel, List<Integer> periods,
                    double[] extent, Classification classification) {
        this(territory, territoryName, srid, level, levelName, indicator, title, abstractText, theme, source, unitLabel, periods,
                extent, classification, null);
    }

    public String name() {
        return indicator == null ? territory + "." + level : territory + "." + indicator + "." + level;
    }
}
