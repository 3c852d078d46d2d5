package de.chancenatlas.geoserver;

import de.chancenatlas.geoserver.Model.Box;
import de.chancenatlas.geoserver.Model.DataStore;
import de.chancenatlas.geoserver.Model.FeatureType;
import de.chancenatlas.geoserver.Model.Group;
import de.chancenatlas.geoserver.Model.Layer;
import de.chancenatlas.geoserver.Model.Time;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * GeoServer's REST resources in XML, both ways: the payloads the sync sends, and the same records
 * read from GeoServer's answers. XML rather than JSON because GeoServer's JSON turns one-element
 * lists into objects; the XML form is the one its catalogue persists.
 */
final class Xml {
    private Xml() {
    }

    // ---- payloads ------------------------------------------------------------------------------

    static String namespace(String prefix, String uri) {
        return "<namespace><prefix>" + esc(prefix) + "</prefix><uri>" + esc(uri) + "</uri></namespace>";
    }

    /** The datastore with its password; the password goes only into this body, never into a message. */
    static String dataStore(DataStore s, String password) {
        StringBuilder x = new StringBuilder("<dataStore><name>").append(esc(s.name())).append("</name><description>")
                .append(esc(s.description())).append("</description><type>PostGIS</type><enabled>true</enabled><connectionParameters>");
        s.params().forEach((k, v) -> x.append("<entry key=\"").append(esc(k)).append("\">").append(esc(v)).append("</entry>"));
        if (password != null) {
            x.append("<entry key=\"passwd\">").append(esc(password)).append("</entry>");
        }
        return x.append("</connectionParameters></dataStore>").toString();
    }

    static String featureType(FeatureType f) {
        StringBuilder x = new StringBuilder("<featureType><name>").append(esc(f.name())).append("</name><nativeName>")
                .append(esc(f.nativeName())).append("</nativeName><title>").append(esc(f.title())).append("</title><abstract>")
                .append(esc(f.abstractText())).append("</abstract><keywords>");
        for (String k : f.keywords()) {
            x.append("<string>").append(esc(k)).append("</string>");
        }
        x.append("</keywords><srs>").append(esc(f.srs())).append("</srs><projectionPolicy>FORCE_DECLARED</projectionPolicy>")
                .append(box("nativeBoundingBox", f.nativeBox())).append(box("latLonBoundingBox", f.latLonBox()))
                .append("<enabled>true</enabled><cqlFilter>").append(esc(f.cqlFilter())).append("</cqlFilter>");
        if (f.time() != null) {
            x.append("<metadata><entry key=\"time\"><dimensionInfo><enabled>true</enabled><attribute>").append(esc(f.time().attribute()))
                    .append("</attribute><presentation>").append(f.time().presentation()).append("</presentation><units>ISO8601</units>")
                    .append("<defaultValue><strategy>").append(f.time().strategy()).append("</strategy></defaultValue>")
                    .append("</dimensionInfo></entry></metadata>");
        } else {
            x.append("<metadata></metadata>");
        }
        return x.append("</featureType>").toString();
    }

    private static String box(String tag, Box b) {
        return "<" + tag + "><minx>" + plain(b.minx()) + "</minx><maxx>" + plain(b.maxx()) + "</maxx><miny>" + plain(b.miny())
                + "</miny><maxy>" + plain(b.maxy()) + "</maxy><crs>" + esc(b.crs()) + "</crs></" + tag + ">";
    }

    private static String plain(double d) {
        return java.math.BigDecimal.valueOf(d).toPlainString();
    }

    static String layer(String workspace, Layer l) {
        StringBuilder x = new StringBuilder("<layer><enabled>true</enabled><defaultStyle><name>").append(esc(l.defaultStyle()))
                .append("</name><workspace>").append(esc(workspace)).append("</workspace></defaultStyle><styles>");
        for (String s : l.styles()) {
            x.append("<style><name>").append(esc(s)).append("</name><workspace>").append(esc(workspace)).append("</workspace></style>");
        }
        x.append("</styles>");
        if (l.attribution() != null) {
            x.append("<attribution><title>").append(esc(l.attribution())).append("</title></attribution>");
        }
        return x.append("</layer>").toString();
    }

    static String group(String workspace, Group g) {
        StringBuilder x = new StringBuilder("<layerGroup><name>").append(esc(g.name())).append("</name><mode>CONTAINER</mode><title>")
                .append(esc(g.title())).append("</title><abstractTxt>").append(esc(g.abstractText())).append("</abstractTxt><workspace><name>")
                .append(esc(workspace)).append("</name></workspace><publishables>");
        for (String l : g.layers()) {
            x.append("<published type=\"layer\"><name>").append(esc(workspace + ":" + l)).append("</name></published>");
        }
        x.append("</publishables><styles>");
        for (String st : g.styles()) {
            x.append("<style><name>").append(esc(st)).append("</name><workspace>").append(esc(workspace)).append("</workspace></style>");
        }
        return x.append("</styles></layerGroup>").toString();
    }

    static String aclRule(String rule, String roles) {
        return "<rules><rule resource=\"" + esc(rule) + "\">" + esc(roles) + "</rule></rules>";
    }

    // ---- answers -------------------------------------------------------------------------------

    static Element parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setNamespaceAware(false);
            Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            return d.getDocumentElement();
        } catch (Exception e) {
            throw new GeoServerClient.GeoServerException("GeoServer-Antwort nicht lesbar / GeoServer answer not readable: " + e.getMessage());
        }
    }

    /** The {@code <name>} of each child element of a list resource (featureTypes, styles, layerGroups). */
    static List<String> names(String xml) {
        List<String> out = new ArrayList<>();
        if (xml == null) {
            return out;
        }
        for (Element e : children(parse(xml), null)) {
            String n = text(e, "name");
            if (n != null) {
                out.add(n);
            }
        }
        return out;
    }

    static DataStore readDataStore(String xml) {
        Element e = parse(xml);
        Map<String, String> params = new LinkedHashMap<>();
        Element cp = child(e, "connectionParameters");
        if (cp != null) {
            for (Element entry : children(cp, "entry")) {
                if (Model.STORE_KEYS.contains(entry.getAttribute("key"))) {
                    params.put(entry.getAttribute("key"), entry.getTextContent());
                }
            }
        }
        return new DataStore(text(e, "name"), nz(text(e, "description")), params);
    }

    static FeatureType readFeatureType(String xml) {
        Element e = parse(xml);
        List<String> keywords = new ArrayList<>();
        Element kw = child(e, "keywords");
        if (kw != null) {
            for (Element s : children(kw, "string")) {
                keywords.add(s.getTextContent());
            }
        }
        Time time = null;
        Element md = child(e, "metadata");
        if (md != null) {
            for (Element entry : children(md, "entry")) {
                Element di = child(entry, "dimensionInfo");
                if ("time".equals(entry.getAttribute("key")) && di != null && "true".equals(text(di, "enabled"))) {
                    Element dv = child(di, "defaultValue");
                    time = new Time(text(di, "attribute"), text(di, "presentation"), dv == null ? null : text(dv, "strategy"));
                }
            }
        }
        return new FeatureType(text(e, "name"), text(e, "nativeName"), nz(text(e, "title")), nz(text(e, "abstract")), keywords,
                text(e, "srs"), text(e, "cqlFilter"), readBox(child(e, "nativeBoundingBox")), readBox(child(e, "latLonBoundingBox")), time);
    }

    private static Box readBox(Element b) {
        if (b == null) {
            return null;
        }
        try {
            Element crs = child(b, "crs");
            return new Box(Double.parseDouble(text(b, "minx")), Double.parseDouble(text(b, "miny")), Double.parseDouble(text(b, "maxx")),
                    Double.parseDouble(text(b, "maxy")), crs == null ? null : crs.getTextContent().strip());
        } catch (RuntimeException ex) {
            return null;
        }
    }

    static Layer readLayer(String xml) {
        Element e = parse(xml);
        Element ds = child(e, "defaultStyle");
        List<String> styles = new ArrayList<>();
        Element ss = child(e, "styles");
        if (ss != null) {
            for (Element s : children(ss, "style")) {
                styles.add(local(text(s, "name")));
            }
        }
        Element at = child(e, "attribution");
        return new Layer(text(e, "name"), ds == null ? null : local(text(ds, "name")), styles, at == null ? null : text(at, "title"));
    }

    static Group readGroup(String xml) {
        Element e = parse(xml);
        List<String> layers = new ArrayList<>();
        Element ps = child(e, "publishables");
        if (ps != null) {
            for (Element p : children(ps, "published")) {
                layers.add(local(text(p, "name")));
            }
        }
        List<String> styles = new ArrayList<>();
        Element ss = child(e, "styles");
        if (ss != null) {
            for (Element st : children(ss, "style")) {
                styles.add(local(text(st, "name")));
            }
        }
        return new Group(text(e, "name"), nz(text(e, "title")), nz(text(e, "abstractTxt")), layers, styles);
    }

    /** The layer access rules, {@code resource -> roles}. */
    static Map<String, String> readRules(String xml) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Element r : children(parse(xml), "rule")) {
            out.put(r.getAttribute("resource"), r.getTextContent().strip());
        }
        return out;
    }

    static String readCatalogMode(String xml) {
        return text(parse(xml), "mode");
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** A name without its workspace prefix ({@code ws:name} -> {@code name}). */
    private static String local(String name) {
        if (name == null) {
            return null;
        }
        int i = name.indexOf(':');
        return i < 0 ? name : name.substring(i + 1);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static List<Element> children(Element e, String tag) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && (tag == null || tag.equals(c.getTagName()))) {
                out.add(c);
            }
        }
        return out;
    }

    static Element child(Element e, String tag) {
        List<Element> c = children(e, tag);
        return c.isEmpty() ? null : c.get(0);
    }

    static String text(Element e, String tag) {
        Element c = child(e, tag);
        return c == null ? null : c.getTextContent();
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
