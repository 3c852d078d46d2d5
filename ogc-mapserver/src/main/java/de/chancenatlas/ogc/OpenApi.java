package de.chancenatlas.ogc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;

/**
 * The OpenAPI 3.0 definition of an OGC API – Features endpoint ({@link FeaturesApi}): its paths,
 * and for each collection its items with the parameters it takes (the property filters differ
 * between indicator, boundary and facility layers).
 */
final class OpenApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenApi() {
    }

    static byte[] document(String base, String territory, Collection<LayerDef> layers) {
        ObjectNode root = JSON.createObjectNode().put("openapi", "3.0.3");
        root.putObject("info").put("title", "Chancenatlas OGC API – Features" + (territory == null ? "" : " (" + territory + ")"))
                .put("version", "1.0.0").put("description", "Kleinräumige Indikatoren, Grenzen und Einrichtungen / small-area indicators, "
                        + "boundaries and facilities");
        root.putArray("servers").addObject().put("url", base);
        ObjectNode paths = root.putObject("paths");
        get(paths, "/", "Startseite / landing page", List.of(f()), "getLandingPage");
        get(paths, "/conformance", "Konformitätsklassen / conformance declaration", List.of(f()), "getConformance");
        get(paths, "/api", "Diese API-Beschreibung / this API definition", List.of(), "getApi");
        get(paths, "/collections", "Sammlungen / collections", List.of(f()), "getCollections");
        for (LayerDef l : layers) {
            String c = "/collections/" + l.name();
            String op = l.name().replace('.', '_').replace('-', '_');
            get(paths, c, l.title(), List.of(f()), "describe_" + op);
            List<ObjectNode> params = new java.util.ArrayList<>(List.of(f(),
                    param("limit", "query", integer(1, 10000, 10), "Höchstzahl der Objekte / maximum number of features"),
                    param("offset", "query", integer(0, null, 0), "Objekte überspringen / features to skip"),
                    bbox(), string("bbox-crs", "CRS der bbox / CRS of bbox"), string("crs", "CRS der Koordinaten / CRS of the coordinates"),
                    string("datetime", "Stichtag oder Intervall (RFC 3339) / reporting date or interval")));
            for (String p : FeatureQuery.properties(l)) {
                params.add(string(p, "Objekte mit diesem Wert / features with this value"));
            }
            get(paths, c + "/items", l.title() + " – Objekte / features", params, "getFeatures_" + op);
            get(paths, c + "/items/{featureId}", l.title() + " – ein Objekt / one feature",
                    List.of(f(), param("featureId", "path", JSON.createObjectNode().put("type", "string"), "Kennung / identifier").put("required", true),
                            string("crs", "CRS der Koordinaten / CRS of the coordinates")), "getFeature_" + op);
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void get(ObjectNode paths, String path, String summary, List<ObjectNode> params, String id) {
        ObjectNode op = paths.putObject(path).putObject("get").put("summary", summary).put("operationId", id);
        ArrayNode ps = op.putArray("parameters");
        params.forEach(ps::add);
        ObjectNode responses = op.putObject("responses");
        ObjectNode ok = responses.putObject("200").put("description", "OK").putObject("content");
        if (path.endsWith("/items") || path.endsWith("{featureId}")) {
            ok.putObject("application/geo+json").putObject("schema").put("type", "object");
        } else if (path.equals("/api")) {
            ok.putObject("application/vnd.oai.openapi+json;version=3.0").putObject("schema").put("type", "object");
        } else {
            ok.putObject("application/json").putObject("schema").put("type", "object");
        }
        if (!path.equals("/api")) {
            ok.putObject("text/html").putObject("schema").put("type", "string");
        }
        responses.putObject("400").put("description", "Ungültige Anfrage / bad request");
        if (path.startsWith("/collections/")) {
            responses.putObject("404").put("description", "Nicht gefunden / not found");
        }
    }

    private static ObjectNode f() {
        ObjectNode schema = JSON.createObjectNode().put("type", "string");
        schema.putArray("enum").add("json").add("html");
        return param("f", "query", schema, "Format: json oder html");
    }

    private static ObjectNode bbox() {
        ObjectNode schema = JSON.createObjectNode().put("type", "array").put("minItems", 4).put("maxItems", 6);
        schema.putObject("items").put("type", "number");
        return param("bbox", "query", schema, "Rechteck (CRS84 oder bbox-crs) / bounding box");
    }

    private static ObjectNode string(String name, String description) {
        return param(name, "query", JSON.createObjectNode().put("type", "string"), description);
    }

    private static ObjectNode integer(int min, Integer max, int dflt) {
        ObjectNode s = JSON.createObjectNode().put("type", "integer").put("minimum", min).put("default", dflt);
        if (max != null) {
            s.put("maximum", max);
        }
        return s;
    }

    private static ObjectNode param(String name, String in, ObjectNode schema, String description) {
        ObjectNode p = JSON.createObjectNode().put("name", name).put("in", in).put("description", description).put("required", false);
        if (in.equals("query")) {
            p.put("style", "form").put("explode", false);
        }
        p.set("schema", schema);
        return p;
    }
}
