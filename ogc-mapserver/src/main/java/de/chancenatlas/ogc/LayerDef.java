package de.chancenatlas.ogc;

import de.chancenatlas.core.db.Audience;
import de.chancenatlas.core.style.Classification;
import de.chancenatlas.core.style.StyleSet;
import java.util.List;

/**
 * One published layer: an indicator on a unit level of a territory (or, with {@code indicator}
 * null, the outline of the level). Named {@code territory.indicator.level} / {@code territory.level},
 * the same in WMS and WFS (there as {@code atlas:territory.indicator.level}): a colon would make
 * MapServer's WFS read the territory as a namespace prefix, and one map has one namespace.
 * The audience says which view family (and database role) the layer reads: the same name shows
 * the public, disclosure-controlled values to anonymous users and the true values to staff.
 * {@code styles} are the named alternative styles; null offers the default classification only.
 */
public record LayerDef(Audience audience, String territory, String territoryName, int srid, String level, String levelName, String indicator,
                       String title, String abstractText, String theme, String source, String unitLabel, List<Integer> periods,
                       double[] extent, Classification classification, StyleSet styles) {

    public LayerDef(Audience audience, String territory, String territoryName, int srid, String level, String levelName, String indicator,
                    String title, String abstractText, String theme, String source, String unitLabel, List<Integer> periods,
                    double[] extent, Classification classification) {
        this(audience, territory, territoryName, srid, level, levelName, indicator, title, abstractText, theme, source, unitLabel, periods,
                extent, classification, null);
    }

    public String name() {
        return indicator == null ? territory + "." + level : territory + "." + indicator + "." + level;
    }
}
