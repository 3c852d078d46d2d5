package de.chancenatlas.geoserver;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the sync configures in GeoServer, as values: the state the atlas wants and the state read back
 * from GeoServer are both expressed in these records, so comparing them is {@code equals}. Only the
 * properties the sync sets are modelled; whatever else GeoServer or an admin keeps on a resource is
 * neither compared nor overwritten.
 */
public final class Model {
    private Model() {
    }

    /** Keys of the datastore's connection parameters that the sync sets (the password is set, never compared). */
    static final List<String> STORE_KEYS = List.of("dbtype", "host", "port", "database", "schema", "user", "Expose primary keys",
            "Loose bbox", "encode functions", "Estimated extends");

    /** Marks the datastore, and so the workspace, as created and owned by the atlas. */
    static final String STORE_NAME = "chancenatlas";
    static final String STORE_MARK = "Chancenatlas:";

    /** A box, rounded so that what GeoServer gives back equals what was sent. */
    public record Box(double minx, double miny, double maxx, double maxy, String crs) {
        static Box of(double[] e, int decimals, String crs) {
            return new Box(round(e[0], decimals), round(e[1], decimals), round(e[2], decimals), round(e[3], decimals), crs);
        }

        private static double round(double v, int decimals) {
            return java.math.BigDecimal.valueOf(v).setScale(decimals, java.math.RoundingMode.HALF_EVEN).doubleValue();
        }
    }

    /** The WMS time dimension on a date attribute: a list of values, the latest the default. */
    public record Time(String attribute, String presentation, String strategy) {
        static final Time STICHTAG = new Time("stichtag", "LIST", "MAXIMUM");
    }

    public record DataStore(String name, String description, Map<String, String> params) {
        public DataStore {
            params = new TreeMap<>(params);
        }
    }

    public record FeatureType(String name, String nativeName, String title, String abstractText, List<String> keywords, String srs,
                              String cqlFilter, Box nativeBox, Box latLonBox, Time time) {
    }

    /**
     * A layer's styles: names within the workspace; attribution from the indicator's source. The
     * alternative styles are a set to GeoServer (it answers them in its own order), so kept sorted.
     */
    public record Layer(String name, String defaultStyle, List<String> styles, String attribution) {
        public Layer {
            styles = styles.stream().sorted().toList();
        }
    }

    /**
     * A layer group per theme: a container for the tree in capabilities, not drawn as one. Each
     * layer's style is named (its default): GeoServer keeps an empty style entry sent with a change
     * as a reference it cannot read back.
     */
    public record Group(String name, String title, String abstractText, List<String> layers, List<String> styles) {
    }

    /** One workspace (one territory and audience) with everything in it. */
    public record Workspace(String name, String uri, DataStore store, List<FeatureType> featureTypes, Map<String, String> styles,
                            List<Layer> layers, List<Group> groups, String readRole) {
        /** The access rule of this workspace, e.g. {@code atlas_koeln_intern.*.r}. */
        public String aclRule() {
            return name + ".*.r";
        }
    }
}
