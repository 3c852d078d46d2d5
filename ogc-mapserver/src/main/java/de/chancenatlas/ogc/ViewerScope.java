package de.chancenatlas.ogc;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The layers a viewer sees at one endpoint, under a key that names the audience scope and the data
 * generation: two viewers with the same key see the same maps, and the key changes with every
 * import or publication change. The tile cache keys its tiles by it.
 *
 * @param key     generation and scope (endpoint plus the territories whose internal layers the viewer gets)
 * @param periods each time-enabled layer's Stichtage
 * @param srids   each layer's own CRS (its territory's)
 */
public record ViewerScope(String key, Set<String> layers, Map<String, List<LocalDate>> periods, Map<String, Integer> srids) {

    /**
     * The Stichtag a WMS/WMTS TIME value selects for a layer (its latest without one), as the maps
     * draw it; null for a layer without periods. An unknown value is an {@link OgcException}.
     */
    public LocalDate stichtag(String layer, String time) {
        List<LocalDate> p = periods.get(layer);
        if (p == null || p.isEmpty()) {
            return null;
        }
        return time == null || time.isBlank() || time.equalsIgnoreCase("current") || time.equalsIgnoreCase("default")
                ? new TreeSet<>(p).last() : WmsTime.select(time, p);
    }
}
