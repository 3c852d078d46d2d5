package de.chancenatlas.geoserver;

import static org.assertj.core.api.Assertions.assertThat;

import de.chancenatlas.core.TestAtlas;
import de.chancenatlas.core.read.PublishedViews;
import de.chancenatlas.geoserver.Model.FeatureType;
import de.chancenatlas.geoserver.Model.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The planner on GeoServer's own answers, recorded by {@link RealGeoServerTest} right after a sync of
 * the demo into a real GeoServer (src/test/resources/geoserver-recorded: GeoServer's REST answers to
 * the sync's GETs for Kreis Düren, not GeoServer code). Against the same demo data the plan is empty:
 * what the atlas sends is what GeoServer keeps and answers, field by field.
 */
class RecordedGeoServerTest {
    private static Path dir;
    private static GeoServerState state;
    private static List<Workspace> desired;

    @BeforeAll
    static void load() throws Exception {
        dir = Path.of(RecordedGeoServerTest.class.getResource("/geoserver-recorded/version.txt").toURI()).getParent();
        TestAtlas.withDemo();
        new PublishedViews(TestAtlas.dataSource()).ensureFresh();
        GeoServerClient replay = RecordingClient.replaying(dir);
        // the database as the recorded GeoServer knew it (the test cluster of that run)
        Model.DataStore store = Xml.readDataStore(replay.get("/rest/workspaces/atlas_kreis-dueren/datastores/chancenatlas.xml"));
        Map<String, String> p = store.params();
        Target target = new Target(p.get("host"), Integer.parseInt(p.get("port")), p.get("database"), "atlas_public_reader", "-",
                "atlas_internal_reader", "-", null);
        desired = new AtlasLayers(TestAtlas.dataSource()).workspaces("kreis-dueren", target);
        state = GeoServerState.read(replay, desired.stream().map(Workspace::name).toList(), null);
    }

    @Test
    void recordedGeoServerMatchesTheAtlas() {
        Plan plan = Planner.plan(desired, List.of(), state, Map.of());
        assertThat(plan.steps()).extracting(Plan.Step::toString).isEmpty();
        assertThat(plan.warnings()).isEmpty();
        assertThat(state.catalogMode()).isEqualTo("HIDE");
        assertThat(state.rules()).containsEntry("atlas_kreis-dueren_intern.*.r", "ATLAS_KREIS_DUEREN_STAFF")
                .containsEntry("atlas_kreis-dueren.*.r", "*");
    }

    @Test
    void recordedFeatureTypesCarryTimeAndTheNativeCrs() {
        var ws = state.workspaces().get("atlas_kreis-dueren");
        assertThat(ws.owned()).isTrue();
        assertThat(ws.featureTypes()).isNotEmpty();
        for (FeatureType f : ws.featureTypes().values()) {
            assertThat(f.srs()).isEqualTo("EPSG:25832");
            if (f.nativeName().equals("geoserver_layer")) {
                assertThat(f.time()).isEqualTo(Model.Time.STICHTAG);
            }
        }
        // the password GeoServer keeps is not ours to compare (it answers it encrypted)
        assertThat(ws.store().params()).doesNotContainKey("passwd");
    }

    @Test
    void aChangedClassificationAndAWithdrawnLayerAreSmallPlans() throws Exception {
        Workspace pub = desired.get(0);
        String some = pub.featureTypes().stream().filter(f -> f.nativeName().equals("geoserver_layer")).findFirst().orElseThrow().name();
        Map<String, String> styles = new LinkedHashMap<>(pub.styles());
        styles.put(some + ".standard", styles.get(some + ".standard").replace("<Name>klasse-1</Name>", "<Name>klasse-eins</Name>"));
        List<FeatureType> fts = new ArrayList<>(pub.featureTypes());
        List<Model.Layer> layers = new ArrayList<>(pub.layers());
        String gone = fts.get(fts.size() - 1).name();
        fts.removeIf(f -> f.name().equals(gone));
        layers.removeIf(l -> l.name().equals(gone));
        Map<String, String> keptStyles = new LinkedHashMap<>(styles);
        keptStyles.keySet().removeIf(k -> k.startsWith(gone + "."));
        List<Model.Group> groups = pub.groups().stream().map(g -> new Model.Group(g.name(), g.title(), g.abstractText(),
                g.layers().stream().filter(l -> !l.equals(gone)).toList(),
                g.styles().stream().filter(st -> !st.startsWith(gone + ".")).toList())).filter(g -> !g.layers().isEmpty()).toList();
        Workspace changed = new Workspace(pub.name(), pub.uri(), pub.store(), fts, keptStyles, layers, groups, pub.readRole());
        Plan plan = Planner.plan(List.of(changed, desired.get(1)), List.of(), state, Map.of());
        assertThat(plan.steps()).extracting(Plan.Step::toString)
                .contains("~ Stil/style atlas_kreis-dueren:" + some + ".standard",
                        "- Featuretype atlas_kreis-dueren:" + gone + " (mit Ebene / with layer)")
                .allMatch(s -> s.contains("atlas_kreis-dueren:"));
        assertThat(Files.exists(dir.resolve("version.txt"))).isTrue();
    }
}
