package de.chancenatlas.geoserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.chancenatlas.core.TestAtlas;
import de.chancenatlas.core.access.Publication;
import de.chancenatlas.core.db.Audience;
import de.chancenatlas.core.read.PublishedViews;
import de.chancenatlas.core.style.StyleSet;
import de.chancenatlas.geoserver.GeoServerState.WorkspaceState;
import de.chancenatlas.geoserver.Model.FeatureType;
import de.chancenatlas.geoserver.Model.Workspace;
import de.chancenatlas.geoserver.Plan.Action;
import de.chancenatlas.geoserver.Plan.Step;
import de.chancenatlas.ogc.LayerCatalog;
import de.chancenatlas.ogc.LayerDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sync's plan against the real atlas data (Köln and Kreis Düren in the test cluster) without a
 * GeoServer: what the atlas wants, the plan on an empty GeoServer, no plan when GeoServer holds what the
 * payloads say (read back through the same reader as GeoServer's answers), and the changes a
 * withdrawn indicator, a new classification or a foreign workspace cause.
 */
class PlannerTest {
    private static final Target TARGET = new Target("db.example", 5432, "atlas", "atlas_public_reader", "geheim-public",
            "atlas_internal_reader", "geheim-intern", null);
    private static AtlasLayers atlas;

    @BeforeAll
    static void load() throws Exception {
        TestAtlas.withDemo();
        new PublishedViews(TestAtlas.dataSource()).ensureFresh();
        atlas = new AtlasLayers(TestAtlas.dataSource());
    }

    private static Map<String, String> passwords(List<Workspace> ws) {
        Map<String, String> m = new LinkedHashMap<>();
        ws.forEach(w -> m.put(w.name(), w.name().endsWith("_intern") ? "geheim-intern" : "geheim-public"));
        return m;
    }

    /** GeoServer holding exactly what the payloads of {@code ws} describe, read back as GeoServer's answers are read. */
    static GeoServerState echo(List<Workspace> ws, String catalogMode) {
        Map<String, WorkspaceState> out = new LinkedHashMap<>();
        Map<String, String> rules = new LinkedHashMap<>(Map.of("*.*.r", "*", "*.*.w", "GROUP_ADMIN,ADMIN"));
        for (Workspace w : ws) {
            Map<String, FeatureType> fts = new LinkedHashMap<>();
            w.featureTypes().forEach(f -> fts.put(f.name(), Xml.readFeatureType(Xml.featureType(f))));
            Map<String, Model.Layer> layers = new LinkedHashMap<>();
            for (Model.Layer l : w.layers()) {
                Model.Layer back = Xml.readLayer(Xml.layer(w.name(), l));
                layers.put(l.name(), new Model.Layer(l.name(), back.defaultStyle(), back.styles(), back.attribution()));
            }
            Map<String, Model.Group> groups = new LinkedHashMap<>();
            w.groups().forEach(g -> groups.put(g.name(), Xml.readGroup(Xml.group(w.name(), g))));
            out.put(w.name(), new WorkspaceState(true, Xml.readDataStore(Xml.dataStore(w.store(), "x")), fts, new LinkedHashMap<>(w.styles()),
                    layers, groups));
            rules.put(w.aclRule(), w.readRole());
        }
        return new GeoServerState(out, List.of(), rules, catalogMode);
    }

    @Test
    void layersAreTheAtlasWmsLayersWithTimeCrsAndStyles() throws Exception {
        List<Workspace> ws = atlas.workspaces("koeln", TARGET);
        Workspace pub = ws.get(0);
        Workspace internal = ws.get(1);
        assertThat(pub.name()).isEqualTo("atlas_koeln");
        assertThat(internal.name()).isEqualTo("atlas_koeln_intern");
        assertThat(pub.store().params()).containsEntry("schema", "atlas_public").containsEntry("user", "atlas_public_reader")
                .doesNotContainKey("passwd");
        assertThat(internal.store().params()).containsEntry("schema", "atlas_internal").containsEntry("user", "atlas_internal_reader");
        assertThat(pub.readRole()).isEqualTo("*");
        assertThat(internal.readRole()).isEqualTo("ATLAS_KOELN_STAFF");

        // the same names as the atlas's own WMS, audience by audience
        LayerCatalog catalog = new LayerCatalog(TestAtlas.dataSource());
        assertThat(pub.featureTypes()).extracting(FeatureType::name)
                .containsExactlyElementsOf(catalog.layers("koeln", Audience.PUBLIC).stream().map(LayerDef::name).toList());
        assertThat(internal.featureTypes()).extracting(FeatureType::name)
                .containsExactlyElementsOf(catalog.layers("koeln", Audience.INTERNAL).stream().map(LayerDef::name).toList());
        assertThat(internal.featureTypes().size()).isGreaterThan(pub.featureTypes().size());

        FeatureType ft = pub.featureTypes().stream().filter(f -> f.name().equals("koeln.anteil_unter_6.stadtteil")).findFirst().orElseThrow();
        assertThat(ft.nativeName()).isEqualTo("geoserver_layer");
        assertThat(ft.srs()).isEqualTo("EPSG:25832");
        assertThat(ft.cqlFilter()).isEqualTo("\"territory\" = 'koeln' AND \"indicator\" = 'anteil_unter_6' AND \"level\" = 'stadtteil' AND \"srid\" = 25832");
        assertThat(ft.time()).isEqualTo(new Model.Time("stichtag", "LIST", "MAXIMUM"));
        assertThat(ft.title()).contains("Stadtteil");
        assertThat(ft.keywords()).contains("Chancenatlas", "Demografie");
        // Köln lies at about 6.8–7.2° E, 50.8–51.1° N
        assertThat(ft.latLonBox().minx()).isBetween(6.7, 7.0);
        assertThat(ft.latLonBox().maxy()).isBetween(51.0, 51.2);
        assertThat(ft.nativeBox().crs()).isEqualTo("EPSG:25832");

        Model.Layer layer = pub.layers().stream().filter(l -> l.name().equals(ft.name())).findFirst().orElseThrow();
        assertThat(layer.defaultStyle()).isEqualTo(ft.name() + ".standard");
        assertThat(layer.styles()).containsExactlyInAnyOrder(ft.name() + ".quantile", ft.name() + ".jenks", ft.name() + ".equal", ft.name() + ".per-period");
        for (String s : StyleSet.NAMES) {
            String sld = pub.styles().get(ft.name() + "." + s);
            assertThat(sld).startsWith("<?xml").contains("<StyledLayerDescriptor version=\"1.0.0\"").contains("keine Angabe (x)");
            Xml.parse(sld);   // well-formed
        }
        // outlines and facilities are there with their own styles; groups per theme hold the choropleths
        assertThat(pub.featureTypes()).extracting(FeatureType::name).contains("koeln.stadtteil");
        assertThat(pub.styles()).containsKey("koeln.grenzen");
        assertThat(pub.groups()).extracting(Model.Group::name).contains("koeln.thema.demografie");
        assertThat(pub.groups().stream().filter(g -> g.name().equals("koeln.thema.demografie")).findFirst().orElseThrow().layers())
                .contains("koeln.anteil_unter_6.stadtteil");
    }

    @Test
    void emptyGeoServerGetsEverythingInOrderAndNoPasswordIsPrinted() throws Exception {
        List<Workspace> ws = atlas.workspaces("koeln", TARGET);
        Plan plan = Planner.plan(ws, List.of(), new GeoServerState(Map.of(), List.of(), Map.of("*.*.r", "*"), "HIDE"), passwords(ws));
        assertThat(plan.warnings()).isEmpty();
        assertThat(plan.count(Action.DELETE)).isZero();
        List<String> kinds = plan.steps().stream().map(Step::kind).distinct().toList();
        // creation order: workspace, datastore, styles, featuretypes, layers' styles, groups, rule
        assertThat(kinds.get(0)).isEqualTo("Arbeitsbereich/workspace");
        assertThat(kinds.indexOf("Stil/style")).isLessThan(kinds.indexOf("Featuretype"));
        assertThat(kinds.indexOf("Featuretype")).isLessThan(kinds.indexOf("Ebenen-Stile/layer styles"));
        Step store = plan.steps().stream().filter(s -> s.kind().startsWith("Datenspeicher")).findFirst().orElseThrow();
        assertThat(store.body()).contains("<entry key=\"passwd\">geheim-public</entry>");
        assertThat(plan.steps()).allSatisfy(s -> assertThat(s.toString()).doesNotContain("geheim"));
        assertThat(plan.steps().stream().filter(s -> s.kind().startsWith("Zugriffsregel")).map(Step::body))
                .containsExactly("<rules><rule resource=\"atlas_koeln.*.r\">*</rule></rules>",
                        "<rules><rule resource=\"atlas_koeln_intern.*.r\">ATLAS_KOELN_STAFF</rule></rules>");
        // every payload is well-formed XML
        plan.steps().stream().filter(s -> s.body() != null).forEach(s -> Xml.parse(s.body()));
    }

    @Test
    void secondRunPlansNothing() throws Exception {
        List<Workspace> ws = new ArrayList<>(atlas.workspaces("koeln", TARGET));
        ws.addAll(atlas.workspaces("kreis-dueren", TARGET));
        Plan plan = Planner.plan(ws, List.of(), echo(ws, "HIDE"), passwords(ws));
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.warnings()).isEmpty();
        assertThat(plan.summary()).contains("nichts zu tun");
    }

    @Test
    void changesAreSmallAndForeignWorkspacesUntouched() throws Exception {
        List<Workspace> ws = atlas.workspaces("koeln", TARGET);
        GeoServerState state = echo(ws, "MIXED");
        WorkspaceState pub = state.workspaces().get("atlas_koeln");
        // a style edited by hand in GeoServer, a featuretype the atlas withdrew, a retitled layer
        Map<String, String> styles = new LinkedHashMap<>(pub.styles());
        styles.put("koeln.anteil_unter_6.stadtteil.jenks", "<StyledLayerDescriptor/>");
        styles.put("koeln.alt.stadtteil.standard", "<StyledLayerDescriptor/>");
        Map<String, FeatureType> fts = new LinkedHashMap<>(pub.featureTypes());
        FeatureType old = fts.get("koeln.anteil_unter_6.stadtteil");
        fts.put(old.name(), new FeatureType(old.name(), old.nativeName(), "alter Titel", old.abstractText(), old.keywords(), old.srs(),
                old.cqlFilter(), old.nativeBox(), old.latLonBox(), old.time()));
        fts.put("koeln.alt.stadtteil", old);
        Map<String, WorkspaceState> all = new LinkedHashMap<>(state.workspaces());
        all.put("atlas_koeln", new WorkspaceState(true, pub.store(), fts, styles, pub.layers(), pub.groups()));
        Plan plan = Planner.plan(ws, List.of(), new GeoServerState(all, List.of(), state.rules(), "MIXED"), passwords(ws));
        assertThat(plan.steps()).extracting(Step::toString).containsExactly(
                "~ Stil/style atlas_koeln:koeln.anteil_unter_6.stadtteil.jenks",
                "~ Featuretype atlas_koeln:koeln.anteil_unter_6.stadtteil",
                "- Featuretype atlas_koeln:koeln.alt.stadtteil (mit Ebene / with layer)",
                "- Stil/style atlas_koeln:koeln.alt.stadtteil.standard");
        assertThat(plan.warnings()).singleElement().asString().contains("MIXED");

        // a workspace of the same name that the atlas did not create: left alone, with a warning
        all.put("atlas_koeln", new WorkspaceState(true, null, Map.of(), Map.of(), Map.of(), Map.of()));
        plan = Planner.plan(ws, List.of("atlas_koeln"), new GeoServerState(all, List.of(), state.rules(), "HIDE"), passwords(ws));
        assertThat(plan.steps()).noneMatch(s -> s.name().startsWith("atlas_koeln:") || s.name().startsWith("atlas_koeln "));
        assertThat(plan.warnings()).anyMatch(w -> w.contains("nicht vom Atlas angelegt"));
    }

    @Test
    void removalDeletesOnlyOwnedWorkspacesAndTheirRules() throws Exception {
        List<Workspace> ws = atlas.workspaces("koeln", TARGET);
        Plan plan = Planner.plan(List.of(), List.of("atlas_koeln", "atlas_koeln_intern"), echo(ws, "HIDE"), Map.of());
        assertThat(plan.steps()).extracting(Step::toString).containsExactly(
                "- Arbeitsbereich/workspace atlas_koeln (mit Inhalt / with contents)", "- Zugriffsregel/access rule atlas_koeln.*.r",
                "- Arbeitsbereich/workspace atlas_koeln_intern (mit Inhalt / with contents)", "- Zugriffsregel/access rule atlas_koeln_intern.*.r");
        assertThat(plan.steps().get(0).path()).isEqualTo("/rest/workspaces/atlas_koeln.xml?recurse=true");
    }

    @Test
    void closedPublicAreaHasNoPublicLayers() throws Exception {
        String t = TestAtlas.territory("gsclosed");
        Publication p = new Publication(TestAtlas.dataSource());
        assertThat(atlas.workspaces(t, TARGET).get(0).featureTypes()).isNotEmpty();
        p.saveSettings(t, null, 5, "test");
        new PublishedViews(TestAtlas.dataSource()).ensureFresh();
        List<Workspace> ws = atlas.workspaces(t, TARGET);
        assertThat(ws.get(0).featureTypes()).isEmpty();
        assertThat(ws.get(0).styles()).isEmpty();
        // staff still see the territory (the test territory has boundaries, no values yet)
        assertThat(ws.get(1).featureTypes()).extracting(FeatureType::name).contains(t + ".gesamt", t + ".bezirk");
        assertThat(ws.get(1).readRole()).isEqualTo("ATLAS_GSCLOSED_STAFF");
    }

    @Test
    void viewsReadOnlyTheirAudience() throws Exception {
        var pub = TestAtlas.database().dataSource(Audience.PUBLIC);
        try (var c = pub.getConnection(); var st = c.createStatement()) {
            var rs = st.executeQuery("select count(*), count(distinct srid), min(stichtag) from atlas_public.geoserver_layer "
                    + "where territory = 'koeln' and indicator = 'anteil_unter_6' and level = 'stadtteil'");
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(TestAtlas.count("select count(*) from atlas_public.layer_value "
                    + "where territory = 'koeln' and indicator = 'anteil_unter_6' and level = 'stadtteil'")).isPositive();
            assertThat(rs.getInt(2)).isEqualTo(1);
            assertThatThrownBy(() -> st.executeQuery("select count(*) from atlas_internal.geoserver_layer"))
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void targetCheckedAndPrintedWithoutPasswords() {
        assertThat(TARGET.toString()).doesNotContain("geheim");
        assertThat(TARGET.staffRole("kreis-dueren")).isEqualTo("ATLAS_KREIS_DUEREN_STAFF");
        assertThatThrownBy(() -> new Target("h", 1, "d", "u", "p", "u", "p", "ROLE'; drop")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GeoServerClient("ftp://x/geoserver", "a", "b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GeoServerClient("http://admin:pw@x/geoserver", "a", "b")).hasMessageNotContaining("pw");
    }
}
