package de.chancenatlas.ogc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The WFS 2.0 stored query GetFeatureById, answered by us: MapServer 8.0 takes the feature type from
 * the identifier up to its first dot, and our type names contain dots ({@code koeln.stadt.10} is
 * feature 10 of {@code koeln.stadt}). We ask MapServer for the feature by RESOURCEID (which splits at
 * the last dot) and return the bare feature, as the standard wants; an unknown identifier is a
 * NotFound exception (404).
 */
final class GetFeatureById {
    static final String ID = "urn:ogc:def:query:OGC-WFS::GetFeatureById";

    private GetFeatureById() {
    }

    static boolean applies(OgcRequest r) {
        String q = r.params().getOrDefault("STOREDQUERY_ID", r.params().get("STOREDQUERYID"));
        return "WFS".equals(r.service()) && ("GetFeature".equals(r.request()) && ID.equals(q) || postedId(r) != null);
    }

    /** The id of a POSTed {@code <wfs:GetFeature><wfs:StoredQuery id="...GetFeatureById">}, or null. */
    private static String postedId(OgcRequest r) {
        if (r.body() == null || !r.body().contains(ID)) {
            return null;
        }
        try {
            var f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var root = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .getDocumentElement();
            var queries = root.getElementsByTagNameNS("http://www.opengis.net/wfs/2.0", "StoredQuery");
            if (!"GetFeature".equals(root.getLocalName()) || queries.getLength() != 1 || !ID.equals(((Element) queries.item(0)).getAttribute("id"))) {
                return null;
            }
            var params = ((Element) queries.item(0)).getElementsByTagNameNS("http://www.opengis.net/wfs/2.0", "Parameter");
            for (int i = 0; i < params.getLength(); i++) {
                if ("id".equalsIgnoreCase(((Element) params.item(i)).getAttribute("name"))) {
                    return params.item(i).getTextContent().strip();
                }
            }
            return "";
        } catch (Exception e) {
            return null;   // not ours to judge: MapServer answers it
        }
    }

    static OgcResponse answer(OgcRequest r, Set<String> layers, Function<OgcRequest, OgcResponse> mapserver) {
        String posted = postedId(r);
        String id = posted != null ? posted : r.params().getOrDefault("ID", "").strip();
        if (id.isEmpty()) {
            throw new OgcException("MissingParameterValue", "ID", "Parameter ID fehlt / ID missing");
        }
        if (!OgcRequest.isFeatureId(id)) {
            // not an identifier of ours: never handed to MapServer, and not echoed
            throw new OgcException("NotFound", "ID", "Kein Objekt mit dieser Kennung / no feature with this identifier");
        }
        int dot = id.lastIndexOf('.');
        if (dot <= 0 || !layers.contains(id.substring(0, dot))) {
            throw notFound(id);
        }
        Map<String, String[]> p = new LinkedHashMap<>();
        p.put("SERVICE", new String[] {"WFS"});
        p.put("VERSION", new String[] {"2.0.0"});
        p.put("REQUEST", new String[] {"GetFeature"});
        p.put("TYPENAMES", new String[] {"atlas:" + id.substring(0, dot)});
        p.put("RESOURCEID", new String[] {id});
        if (r.params().containsKey("SRSNAME")) {
            p.put("SRSNAME", new String[] {r.params().get("SRSNAME")});
        }
        OgcResponse collection = mapserver.apply(OgcRequest.vet(p, null));
        if (collection.status() != 200) {
            return collection;
        }
        try {
            var f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(collection.body()));
            var members = doc.getElementsByTagNameNS("http://www.opengis.net/wfs/2.0", "member");
            for (int i = 0; i < members.getLength(); i++) {
                for (Node n = members.item(i).getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element feature) {
                        var out = new ByteArrayOutputStream();
                        var t = TransformerFactory.newInstance().newTransformer();
                        t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
                        t.transform(new DOMSource(feature), new StreamResult(out));
                        return new OgcResponse(200, "application/gml+xml; version=3.2", out.toByteArray());
                    }
                }
            }
        } catch (Exception e) {
            throw new OgcException("OperationProcessingFailed", null, "Antwort nicht lesbar / unreadable response");
        }
        throw notFound(id);
    }

    private static OgcException notFound(String id) {
        return new OgcException("NotFound", "ID", "Kein Objekt mit der Kennung „" + id + "“ / no feature with identifier '" + id + "'");
    }
}
