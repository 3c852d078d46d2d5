package de.chancenatlas.server;

import static org.assertj.core.api.Assertions.assertThat;

import de.chancenatlas.core.TestAtlas;
import de.chancenatlas.core.style.Classification;
import de.chancenatlas.core.style.StyleSet;
import de.chancenatlas.ogc.LayerCatalog;
import de.chancenatlas.ogc.LayerDef;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * SLD 1.0 export: the stored examples in {@code sld-styles/} are what the endpoint writes for the
 * demo data (regenerate with {@code -Dsld.update=true} after an intended change and review the diff),
 * and its classes are the WMS layer's classes.
 */
class SldStylesTest extends ServerTest {
    private static final Path GOLDEN = Path.of("..", "sld-styles");
    private static String sldPath(String territory, String indicator, String level, String style) {
        return "/api/v1/territories/" + territory + "/indicators/" + indicator + "/sld?level=" + level + (style == null ? "" : "&style=" + style);
    }

    @Test
    void storedExamplesAreWhatTheEndpointWrites() throws Exception {
        List<String[]> cases = new ArrayList<>();
        for (String style : StyleSet.NAMES) {
            cases.add(new String[] {"koeln", "anteil_unter_6", "stadtteil", style});
        }
        cases.add(new String[] {"koeln", "bevoelkerungsentwicklung", "stadtbezirk", StyleSet.DEFAULT});
        cases.add(new String[] {"kreis-dueren", "bevoelkerungsdichte", "kommune", StyleSet.DEFAULT});
        boolean update = Boolean.getBoolean("sld.update");
        for (String[] c : cases) {
            HttpResponse<String> r = get(sldPath(c[0], c[1], c[2], c[3]));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.ogc.sld+xml");
            Path file = GOLDEN.resolve(c[0] + "." + c[1] + "." + c[2] + "." + c[3] + ".sld");
            if (update) {
                Files.createDirectories(GOLDEN);
                Files.writeString(file, r.body(), StandardCharsets.UTF_8);
            }
            assertThat(r.body()).as("%s (regenerate with -Dsld.update=true)", file).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        }
        // no style means the catalogue's default
        assertThat(get(sldPath("koeln", "anteil_unter_6", "stadtteil", null)).body())
                .isEqualTo(get(sldPath("koeln", "anteil_unter_6", "stadtteil", "standard")).body());
    }

    /** The SLD's class bounds, colours and German labels are those of the map layer's style. */
    @Test
    void sldClassesAreTheMapLayersClasses() throws Exception {
        LayerCatalog catalog = new LayerCatalog(TestAtlas.dataSource());
        new de.chancenatlas.core.read.PublishedViews(TestAtlas.dataSource()).ensureFresh();   // the layers' materialised values
        LayerDef layer = catalog.layers("koeln", de.chancenatlas.core.db.Audience.PUBLIC).stream()
                .filter(l -> l.name().equals("koeln.anteil_unter_6.stadtteil")).findFirst().orElseThrow();
        for (String style : List.of(StyleSet.DEFAULT, "jenks")) {
            Classification c = layer.styles().classification(style, null);
            Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(get(sldPath("koeln", "anteil_unter_6", "stadtteil", style)).body().getBytes(StandardCharsets.UTF_8)));
            var xp = XPathFactory.newInstance().newXPath();
            NodeList rules = (NodeList) xp.evaluate("//*[local-name()='Rule'][starts-with(*[local-name()='Name'], 'klasse-')]", d, XPathConstants.NODESET);
            assertThat(rules.getLength()).isEqualTo(c.classes());
            for (int i = 0; i < c.classes(); i++) {
                var rule = rules.item(i);
                assertThat(xp.evaluate("*[local-name()='Title']", rule)).isEqualTo(c.labels().get(i)).contains(",");
                assertThat(xp.evaluate(".//*[local-name()='CssParameter'][@name='fill']", rule)).isEqualTo(c.colours().get(i));
                if (i > 0) {
                    assertThat(Double.parseDouble(xp.evaluate(".//*[local-name()='PropertyIsGreaterThanOrEqualTo']/*[local-name()='Literal']", rule)))
                            .isEqualTo(c.breaks().get(i));
                }
            }
        }
    }

    @Test
    void internalIndicatorsHaveNoSldForThePublicAndBadInputIsRefused() throws Exception {
        String internal = sldPath("koeln", "anteil_migrationshintergrund", "stadtteil", null);
        assertThat(get(internal).statusCode()).isEqualTo(404);
        HttpResponse<String> staff = get(internal, "Authorization", ADMIN);
        assertThat(staff.statusCode()).isEqualTo(200);
        assertThat(staff.body()).contains("<Name>koeln.anteil_migrationshintergrund.stadtteil</Name>");
        assertThat(get(sldPath("koeln", "gibtsnicht", "stadtteil", null)).statusCode()).isEqualTo(404);
        assertThat(get(sldPath("koeln", "anteil_unter_6", "kontinent", null)).statusCode()).isEqualTo(404);
        HttpResponse<String> style = get(sldPath("koeln", "anteil_unter_6", "stadtteil", "bunt"));
        assertThat(style.statusCode()).isEqualTo(400);
        assertThat(style.body()).contains("bunt").contains("quantile");
        assertThat(get("/api/v1/territories/koeln/indicators/anteil_unter_6/sld").statusCode()).isEqualTo(400);
    }
}
