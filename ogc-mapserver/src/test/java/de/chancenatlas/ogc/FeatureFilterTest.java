package de.chancenatlas.ogc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.chancenatlas.core.db.Audience;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which filters our GeoJSON writer answers (as SQL with arguments) and which it leaves to MapServer. */
class FeatureFilterTest {
    private static final LayerDef LAYER = new LayerDef(Audience.PUBLIC, "koeln", "Köln", 25832, "stadtteil", "Stadtteil", "anteil_unter_6",
            "Anteil", "", "Bevölkerung", "Stadt Köln", "%",
            List.of(new de.chancenatlas.core.read.AtlasReader.Period("2011", "2011-12-31", "2011"), new de.chancenatlas.core.read.AtlasReader.Period("2012", "2012-12-31", "2012")), new double[] {0, 0, 1, 1}, null);
    private static final String FES = "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\">%s</fes:Filter>";

    private static FeatureQuery.Where where(String body) throws FeatureFilter.Unsupported {
        FeatureQuery.Where w = new FeatureQuery.Where();
        FeatureFilter.add(w, LAYER, String.format(FES, body));
        return w;
    }

    @Test
    void comparisonsBecomeBoundSqlOfThePropertysType() throws Exception {
        var w = where("<fes:And><fes:PropertyIsEqualTo><fes:ValueReference>atlas:period</fes:ValueReference><fes:Literal>2012</fes:Literal>"
                + "</fes:PropertyIsEqualTo><fes:Not><fes:PropertyIsLessThan><fes:ValueReference>name</fes:ValueReference>"
                + "<fes:Literal>M'; drop table x</fes:Literal></fes:PropertyIsLessThan></fes:Not></fes:And>");
        assertThat(w.text()).isEqualTo(" where (t.period = ?::text and (t.name < ?::text) is not true)");
        assertThat(w.args).containsExactly("2012", "M'; drop table x");
        var between = where("<fes:PropertyIsBetween><fes:ValueReference>value</fes:ValueReference><fes:LowerBoundary><fes:Literal>1"
                + "</fes:Literal></fes:LowerBoundary><fes:UpperBoundary><fes:Literal>5.5</fes:Literal></fes:UpperBoundary></fes:PropertyIsBetween>");
        assertThat(between.text()).isEqualTo(" where t.value between ?::float8 and ?::float8");
        assertThat(between.args).containsExactly(1.0, 5.5);
    }

    @Test
    void identifiersOfThisLayerOnly() throws Exception {
        var w = where("<fes:ResourceId rid=\"koeln.anteil_unter_6.stadtteil.17\"/><fes:ResourceId rid=\"koeln.stadtteil.18\"/>"
                + "<fes:ResourceId rid=\"koeln.anteil_unter_6.stadtteil.x\"/>");
        assertThat(w.text()).isEqualTo(" where t.fid = any (?)");
        assertThat((long[]) w.args.get(0)).containsExactly(17L);
    }

    @Test
    void whatMapServerAnswersInstead() {
        for (String body : List.of(
                "<fes:PropertyIsLike wildCard=\"*\" singleChar=\".\" escapeChar=\"!\"><fes:ValueReference>name</fes:ValueReference>"
                        + "<fes:Literal>K*</fes:Literal></fes:PropertyIsLike>",
                "<fes:PropertyIsEqualTo matchCase=\"false\"><fes:ValueReference>name</fes:ValueReference><fes:Literal>x</fes:Literal></fes:PropertyIsEqualTo>",
                "<fes:PropertyIsEqualTo><fes:ValueReference>klasse</fes:ValueReference><fes:Literal>zwölf</fes:Literal></fes:PropertyIsEqualTo>",
                "<fes:PropertyIsEqualTo><fes:ValueReference>geheim</fes:ValueReference><fes:Literal>1</fes:Literal></fes:PropertyIsEqualTo>",
                "<fes:BBOX><fes:ValueReference>geom</fes:ValueReference></fes:BBOX>",
                "<fes:And><fes:PropertyIsNull><fes:ValueReference>value</fes:ValueReference></fes:PropertyIsNull></fes:And>")) {
            assertThatThrownBy(() -> where(body)).as(body).isInstanceOf(FeatureFilter.Unsupported.class);
        }
        assertThatThrownBy(() -> FeatureFilter.add(new FeatureQuery.Where(), LAYER, "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + String.format(FES, "&e;"))).isInstanceOf(FeatureFilter.Unsupported.class);
    }

    @Test
    void aSinglePolygonIsWrittenAsPolygon() {
        assertThat(FeatureQuery.single("{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0],[1,0],[1,1],[0,0]]]]}"))
                .isEqualTo("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]]]}");
        String two = "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0],[1,0],[1,1],[0,0]]],[[[5,5],[6,5],[6,6],[5,5]]]]}";
        assertThat(FeatureQuery.single(two)).isEqualTo(two);
        assertThat(FeatureQuery.single("{\"type\":\"Point\",\"coordinates\":[1,2]}")).isEqualTo("{\"type\":\"Point\",\"coordinates\":[1,2]}");
    }

    @Test
    void polygonsBecomeAGmlMultiSurfaceWithIdsOnEveryGeometry() {
        StringBuilder out = new StringBuilder();
        FeatureQuery.multiSurface(out, "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0],[10.5,0],[10,-1.25e-3],[0,0]],"
                + "[[1,1],[2,1],[2,2],[1,1]]],[[[5,5],[6,5],[6,6],[5,5]]]]}", "l.7", "urn:ogc:def:crs:EPSG::25832");
        assertThat(out.toString()).isEqualTo("<gml:MultiSurface gml:id=\"l.7.1\" srsName=\"urn:ogc:def:crs:EPSG::25832\">"
                + "<gml:surfaceMember><gml:Polygon gml:id=\"l.7.2\">"
                + "<gml:exterior><gml:LinearRing><gml:posList srsDimension=\"2\">0 0 10.5 0 10 -1.25e-3 0 0</gml:posList></gml:LinearRing></gml:exterior>"
                + "<gml:interior><gml:LinearRing><gml:posList srsDimension=\"2\">1 1 2 1 2 2 1 1</gml:posList></gml:LinearRing></gml:interior>"
                + "</gml:Polygon></gml:surfaceMember>"
                + "<gml:surfaceMember><gml:Polygon gml:id=\"l.7.3\">"
                + "<gml:exterior><gml:LinearRing><gml:posList srsDimension=\"2\">5 5 6 5 6 6 5 5</gml:posList></gml:LinearRing></gml:exterior>"
                + "</gml:Polygon></gml:surfaceMember></gml:MultiSurface>");
        StringBuilder one = new StringBuilder();
        FeatureQuery.multiSurface(one, "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]]]}", "x.1", "s");
        assertThat(one.toString()).isEqualTo("<gml:MultiSurface gml:id=\"x.1.1\" srsName=\"s\"><gml:surfaceMember><gml:Polygon gml:id=\"x.1.2\">"
                + "<gml:exterior><gml:LinearRing><gml:posList srsDimension=\"2\">0 0 1 0 1 1 0 0</gml:posList></gml:LinearRing></gml:exterior>"
                + "</gml:Polygon></gml:surfaceMember></gml:MultiSurface>");
    }

    @Test
    void crsNames() {
        assertThat(Crs.code("EPSG:25832")).isEqualTo(25832);
        assertThat(Crs.code("urn:ogc:def:crs:EPSG::4326")).isEqualTo(4326);
        assertThat(Crs.code("http://www.opengis.net/def/crs/EPSG/0/3857")).isEqualTo(3857);
        assertThat(Crs.code("http://www.opengis.net/def/crs/OGC/1.3/CRS84")).isEqualTo(Crs.LON_LAT);
        assertThat(Crs.code("CRS:84")).isEqualTo(Crs.LON_LAT);
        assertThat(Crs.code("EPSG:25832; drop")).isZero();
        assertThat(new FeatureQuery.Precision(2, 7).of(25832)).isEqualTo(2);
        assertThat(new FeatureQuery.Precision(2, 7).of(Crs.LON_LAT)).isEqualTo(7);
    }
}
