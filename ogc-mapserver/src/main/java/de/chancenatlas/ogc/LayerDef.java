package de.chancenatlas.ogc;

import de.chancenatlas.core.catalogue.FacilityType;
import de.chancenatlas.core.db.Audience;
import de.chancenatlas.core.read.AtlasReader.Period;
import de.chancenatlas.core.style.Classification;
import de.chancenatlas.core.style.StyleSet;
import java.util.List;

/**
 * One published layer: an indicator on a unit level of a territory, the outline of a level
 * ({@code indicator} null), or the facilities of one type ({@code level} is then the facility type).
 * Named {@code territory.indicator.level}, {@code territory.level} and {@code territory.einrichtung.type},
 * the same in WMS and WFS (there as {@code atlas:territory.indicator.level}): a colon would make
 * MapServer's WFS read the territory as a namespace prefix, and one map has one namespace.
 * The audience says which view family (and database role) the layer reads: the same name shows
 * the public, disclosure-controlled values to anonymous users and the true values to staff.
 * {@code styles} are the named alternative styles; null offers the default classification only.
 * {@code periods} are the indicator's periods with values, in Stichtag order.
 */
public record LayerDef(Audience audience, String territory, String territoryName, int srid, String level, String levelName, String indicator,
                       String title, String abstractText, String theme, String source, String unitLabel, List<Period> periods,
                       double[] extent, Classification classification, StyleSet styles, Kind kind) {

    /** What a layer shows. */
    public enum Kind { CHOROPLETH, OUTLINE, FACILITY }

    public LayerDef(Audience audience, String territory, String territoryName, int srid, String level, String levelName, String indicator,
                    String title, String abstractText, String theme, String source, String unitLabel, List<Period> periods,
                    double[] extent, Classification classification, StyleSet styles) {
        this(audience, territory, territoryName, srid, level, levelName, indicator, title, abstractText, theme, source, unitLabel, periods,
                extent, classification, styles, indicator == null ? Kind.OUTLINE : Kind.CHOROPLETH);
    }

    public LayerDef(Audience audience, String territory, String territoryName, int srid, String level, String levelName, String indicator,
                    String title, String abstractText, String theme, String source, String unitLabel, List<Period> periods,
                    double[] extent, Classification classification) {
        this(audience, territory, territoryName, srid, level, levelName, indicator, title, abstractText, theme, source, unitLabel, periods,
                extent, classification, null);
    }

    /** The current facilities of one type in a territory (schools, Kitas, ...), as points. */
    static LayerDef facilities(Audience audience, String territory, String territoryName, int srid, String type, double[] extent) {
        String plural = FacilityType.named(type).map(FacilityType::plural).orElse(type);
        return new LayerDef(audience, territory, territoryName, srid, type, plural, null, territoryName + " – " + plural,
                plural + " (Einrichtungen) in " + territoryName, null, null, null, List.of(), extent, null, null, Kind.FACILITY);
    }

    public String name() {
        return switch (kind) {
            case FACILITY -> territory + ".einrichtung." + level;
            case OUTLINE -> territory + "." + level;
            case CHOROPLETH -> territory + "." + indicator + "." + level;
        };
    }
}
