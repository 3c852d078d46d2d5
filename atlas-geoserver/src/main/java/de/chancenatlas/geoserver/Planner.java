package de.chancenatlas.geoserver;

import de.chancenatlas.geoserver.GeoServerState.WorkspaceState;
import de.chancenatlas.geoserver.Model.FeatureType;
import de.chancenatlas.geoserver.Model.Group;
import de.chancenatlas.geoserver.Model.Layer;
import de.chancenatlas.geoserver.Model.Workspace;
import de.chancenatlas.geoserver.Plan.Action;
import de.chancenatlas.geoserver.Plan.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Atlas state + GeoServer state -> plan. Pure: no I/O, so it is tested on recorded GeoServer answers.
 * Creations and changes first (workspace, datastore, styles, featuretypes, layers, groups, access
 * rules), deletions last, so a layer never points at a style that is gone. A workspace that exists
 * without the atlas's mark is never touched: the plan warns instead.
 */
public final class Planner {
    private static final String SLD = "application/vnd.ogc.sld+xml";
    private static final String XML = "application/xml";

    private Planner() {
    }

    /**
     * @param desired   the workspaces the atlas wants, complete
     * @param remove    owned workspaces to remove with everything in them (territories gone, or {@code --remove})
     * @param passwords the database password of each workspace's datastore, by workspace name
     */
    public static Plan plan(List<Workspace> desired, List<String> remove, GeoServerState state, Map<String, String> passwords) {
        List<Step> steps = new ArrayList<>();
        List<Step> deletions = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Workspace w : desired) {
            WorkspaceState s = state.workspaces().getOrDefault(w.name(), WorkspaceState.ABSENT);
            if (s.exists() && !s.owned()) {
                warnings.add("Arbeitsbereich „" + w.name() + "“ gibt es schon, aber nicht vom Atlas angelegt: unverändert gelassen / "
                        + "workspace '" + w.name() + "' exists but was not created by the atlas: left alone");
                continue;
            }
            workspace(w, s, passwords.get(w.name()), steps, deletions);
            String roles = w.readRole();
            String current = state.rules().get(w.aclRule());
            if (current == null) {
                steps.add(new Step(Action.CREATE, "Zugriffsregel/access rule", w.aclRule() + "=" + roles, "POST",
                        "/rest/security/acl/layers.xml", XML, Xml.aclRule(w.aclRule(), roles)));
            } else if (!current.equals(roles)) {
                steps.add(new Step(Action.UPDATE, "Zugriffsregel/access rule", w.aclRule() + "=" + roles, "PUT",
                        "/rest/security/acl/layers.xml", XML, Xml.aclRule(w.aclRule(), roles)));
            }
        }
        for (String ws : remove) {
            WorkspaceState s = state.workspaces().get(ws);
            if (s != null && s.exists() && !s.owned()) {
                warnings.add("Arbeitsbereich „" + ws + "“ nicht vom Atlas angelegt: nicht gelöscht / workspace '" + ws + "' not created by the atlas: not removed");
                continue;
            }
            if (s == null || s.exists()) {
                deletions.add(new Step(Action.DELETE, "Arbeitsbereich/workspace", ws + " (mit Inhalt / with contents)", "DELETE",
                        "/rest/workspaces/" + ws + ".xml?recurse=true", null, null));
            }
            if (state.rules().containsKey(ws + ".*.r")) {
                deletions.add(new Step(Action.DELETE, "Zugriffsregel/access rule", ws + ".*.r", "DELETE",
                        "/rest/security/acl/layers/" + ws + ".*.r", null, null));
            }
        }
        if (state.catalogMode() != null && !"HIDE".equals(state.catalogMode())) {
            warnings.add("GeoServers Katalogmodus ist " + state.catalogMode() + ", nicht HIDE: Capabilities verraten dann Namen interner Ebenen; "
                    + "empfohlen: Sicherheit > Daten > Katalogmodus HIDE / catalog mode is " + state.catalogMode()
                    + ", not HIDE: capabilities may reveal internal layer names; set HIDE (Security > Data)");
        }
        steps.addAll(deletions);
        return new Plan(List.copyOf(steps), List.copyOf(warnings));
    }

    private static void workspace(Workspace w, WorkspaceState s, String password, List<Step> steps, List<Step> deletions) {
        String base = "/rest/workspaces/" + w.name();
        String ds = base + "/datastores/" + Model.STORE_NAME;
        if (!s.exists()) {
            steps.add(new Step(Action.CREATE, "Arbeitsbereich/workspace", w.name(), "POST", "/rest/namespaces.xml", XML,
                    Xml.namespace(w.name(), w.uri())));
        }
        if (s.store() == null) {
            steps.add(new Step(Action.CREATE, "Datenspeicher/datastore", w.name() + ":" + Model.STORE_NAME, "POST", base + "/datastores.xml", XML,
                    Xml.dataStore(w.store(), password)));
        } else if (!s.store().equals(w.store())) {
            steps.add(new Step(Action.UPDATE, "Datenspeicher/datastore", w.name() + ":" + Model.STORE_NAME, "PUT", ds + ".xml", XML,
                    Xml.dataStore(w.store(), password)));
        }
        // styles
        for (var e : w.styles().entrySet()) {
            String have = s.styles().get(e.getKey());
            if (have == null) {
                steps.add(new Step(Action.CREATE, "Stil/style", w.name() + ":" + e.getKey(), "POST",
                        base + "/styles?raw=true&name=" + e.getKey(), SLD, e.getValue()));
            } else if (!same(have, e.getValue())) {
                steps.add(new Step(Action.UPDATE, "Stil/style", w.name() + ":" + e.getKey(), "PUT",
                        base + "/styles/" + e.getKey() + ".sld?raw=true", SLD, e.getValue()));
            }
        }
        // featuretypes (GeoServer creates each one's layer with it; the layer's styles follow)
        for (FeatureType f : w.featureTypes()) {
            FeatureType have = s.featureTypes().get(f.name());
            if (have == null) {
                steps.add(new Step(Action.CREATE, "Featuretype", w.name() + ":" + f.name(), "POST", ds + "/featuretypes.xml", XML, Xml.featureType(f)));
            } else if (!have.equals(f)) {
                steps.add(new Step(Action.UPDATE, "Featuretype", w.name() + ":" + f.name(), "PUT", ds + "/featuretypes/" + f.name() + ".xml",
                        XML, Xml.featureType(f)));
            }
        }
        for (Layer l : w.layers()) {
            Layer have = s.layers().get(l.name());
            if (have == null || !have.equals(l)) {
                steps.add(new Step(have == null ? Action.CREATE : Action.UPDATE, "Ebenen-Stile/layer styles", w.name() + ":" + l.name(), "PUT",
                        "/rest/layers/" + w.name() + ":" + l.name() + ".xml", XML, Xml.layer(w.name(), l)));
            }
        }
        for (Group g : w.groups()) {
            Group have = s.groups().get(g.name());
            if (have == null) {
                steps.add(new Step(Action.CREATE, "Ebenengruppe/layer group", w.name() + ":" + g.name(), "POST", base + "/layergroups.xml", XML,
                        Xml.group(w.name(), g)));
            } else if (!have.equals(g)) {
                steps.add(new Step(Action.UPDATE, "Ebenengruppe/layer group", w.name() + ":" + g.name(), "PUT",
                        base + "/layergroups/" + g.name() + ".xml", XML, Xml.group(w.name(), g)));
            }
        }
        // deletions within the workspace: groups, then featuretypes with their layers, then styles
        Set<String> groups = names(w.groups(), Group::name);
        for (String g : s.groups().keySet()) {
            if (!groups.contains(g)) {
                deletions.add(new Step(Action.DELETE, "Ebenengruppe/layer group", w.name() + ":" + g, "DELETE",
                        base + "/layergroups/" + g + ".xml", null, null));
            }
        }
        Set<String> fts = names(w.featureTypes(), FeatureType::name);
        for (String f : s.featureTypes().keySet()) {
            if (!fts.contains(f)) {
                deletions.add(new Step(Action.DELETE, "Featuretype", w.name() + ":" + f + " (mit Ebene / with layer)", "DELETE",
                        ds + "/featuretypes/" + f + ".xml?recurse=true", null, null));
            }
        }
        for (String st : s.styles().keySet()) {
            if (!w.styles().containsKey(st)) {
                deletions.add(new Step(Action.DELETE, "Stil/style", w.name() + ":" + st, "DELETE",
                        base + "/styles/" + st + ".xml?purge=true", null, null));
            }
        }
    }

    /** SLD bodies compared as GeoServer stores raw uploads: byte for byte up to line ends and trailing space. */
    static boolean same(String a, String b) {
        return a.replace("\r\n", "\n").strip().equals(b.replace("\r\n", "\n").strip());
    }

    private static <T> Set<String> names(List<T> items, Function<T, String> name) {
        return items.stream().map(name).collect(java.util.stream.Collectors.toSet());
    }
}
