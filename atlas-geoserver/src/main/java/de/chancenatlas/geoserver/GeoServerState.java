package de.chancenatlas.geoserver;

import de.chancenatlas.geoserver.Model.DataStore;
import de.chancenatlas.geoserver.Model.FeatureType;
import de.chancenatlas.geoserver.Model.Group;
import de.chancenatlas.geoserver.Model.Layer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What GeoServer holds of the workspaces the sync is about, read through the REST API: for each
 * workspace whether it exists and whether the atlas owns it (its datastore {@code chancenatlas}
 * carries the atlas's mark), and, for owned ones, the featuretypes, styles, layers and groups.
 * Plus the layer access rules and the catalogue mode.
 */
public record GeoServerState(Map<String, WorkspaceState> workspaces, List<String> otherAtlasWorkspaces, Map<String, String> rules,
                             String catalogMode) {

    /** A featuretype GeoServer could not answer; equal to nothing the atlas wants. */
    static final FeatureType UNREADABLE = new FeatureType(null, null, null, null, List.of(), null, null, null, null, null);

    /** {@code exists} false: nothing below is set; {@code store} null: exists but not the atlas's. */
    public record WorkspaceState(boolean exists, DataStore store, Map<String, FeatureType> featureTypes, Map<String, String> styles,
                                 Map<String, Layer> layers, Map<String, Group> groups) {
        static final WorkspaceState ABSENT = new WorkspaceState(false, null, Map.of(), Map.of(), Map.of(), Map.of());

        public boolean owned() {
            return exists && store != null && store.description().startsWith(Model.STORE_MARK);
        }
    }

    /**
     * Reads the named workspaces; {@code prefix} finds the atlas's other workspaces (of territories
     * no longer in the atlas), which a full sync removes.
     */
    public static GeoServerState read(GeoServerClient gs, List<String> names, String prefix) {
        Map<String, WorkspaceState> out = new LinkedHashMap<>();
        for (String ws : names) {
            out.put(ws, readWorkspace(gs, ws));
        }
        List<String> others = new ArrayList<>();
        if (prefix != null) {
            for (String ws : Xml.names(gs.get("/rest/workspaces.xml"))) {
                if (ws.startsWith(prefix) && !out.containsKey(ws) && readWorkspace(gs, ws).owned()) {
                    others.add(ws);
                }
            }
        }
        String rules = gs.get("/rest/security/acl/layers.xml");
        String mode = gs.get("/rest/security/acl/catalog.xml");
        return new GeoServerState(out, others, rules == null ? Map.of() : Xml.readRules(rules), mode == null ? null : Xml.readCatalogMode(mode));
    }

    private static WorkspaceState readWorkspace(GeoServerClient gs, String ws) {
        if (gs.get("/rest/workspaces/" + ws + ".xml") == null) {
            return WorkspaceState.ABSENT;
        }
        String base = "/rest/workspaces/" + ws;
        String storeXml = gs.get(base + "/datastores/" + Model.STORE_NAME + ".xml");
        DataStore store = storeXml == null ? null : Xml.readDataStore(storeXml);
        if (store == null || !store.description().startsWith(Model.STORE_MARK)) {
            return new WorkspaceState(true, store, Map.of(), Map.of(), Map.of(), Map.of());
        }
        Map<String, FeatureType> fts = new LinkedHashMap<>();
        Map<String, Layer> layers = new LinkedHashMap<>();
        for (String n : Xml.names(gs.get(base + "/datastores/" + Model.STORE_NAME + "/featuretypes.xml"))) {
            try {
                String ft = gs.get(base + "/datastores/" + Model.STORE_NAME + "/featuretypes/" + n + ".xml");
                if (ft != null) {
                    fts.put(n, Xml.readFeatureType(ft));
                }
            } catch (GeoServerClient.GeoServerException e) {
                // GeoServer answers a featuretype only while it reaches the database (it lists the
                // columns): one it cannot read now is planned to be written anew
                fts.put(n, UNREADABLE);
            }
            String layer = gs.get("/rest/layers/" + ws + ":" + n + ".xml");
            if (layer != null) {
                layers.put(n, Xml.readLayer(layer));
            }
        }
        Map<String, String> styles = new LinkedHashMap<>();
        for (String n : Xml.names(gs.get(base + "/styles.xml"))) {
            String sld = gs.get(base + "/styles/" + n + ".sld");
            styles.put(n, sld == null ? "" : sld);
        }
        Map<String, Group> groups = new LinkedHashMap<>();
        for (String n : Xml.names(gs.get(base + "/layergroups.xml"))) {
            String g = gs.get(base + "/layergroups/" + n + ".xml");
            if (g != null) {
                groups.put(n, Xml.readGroup(g));
            }
        }
        return new WorkspaceState(true, store, fts, styles, layers, groups);
    }
}
