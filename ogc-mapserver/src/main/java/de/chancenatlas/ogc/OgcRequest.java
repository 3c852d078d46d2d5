package de.chancenatlas.ogc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The vetted form of an OGC request: only allow-listed services, versions, requests, parameters,
 * formats and coordinate systems get through, within size limits. Client-supplied styling (SLD,
 * SLD_BODY) and anything addressing the map file (MAP, map.*) is refused, never passed on.
 */
public final class OgcRequest {
    public static final int MAX_SIZE = 4096;
    public static final int MAX_FEATURES = 100_000;
    public static final int MAX_FILTER = 64 * 1024;
    /** XML elements in one filter: enough for any hand-made or QGIS filter, too few for a filter bomb. */
    public static final int MAX_ELEMENTS = 500;

    private static final Map<String, Set<String>> VERSIONS = Map.of("WMS", Set.of("1.1.1", "1.3.0"), "WFS", Set.of("1.1.0", "2.0.0"));
    private static final Map<String, Set<String>> REQUESTS = Map.of(
            "WMS", Set.of("GetCapabilities", "GetMap", "GetFeatureInfo", "GetLegendGraphic"),
            "WFS", Set.of("GetCapabilities", "DescribeFeatureType", "GetFeature", "GetPropertyValue", "ListStoredQueries",
                    "DescribeStoredQueries"));
    private static final Set<String> PARAMETERS = Set.of("SERVICE", "VERSION", "REQUEST", "ACCEPTVERSIONS", "ACCEPTFORMATS", "SECTIONS",
            "UPDATESEQUENCE", "LAYERS", "STYLES", "CRS", "SRS", "BBOX", "WIDTH", "HEIGHT", "FORMAT", "TRANSPARENT", "BGCOLOR", "TIME",
            "EXCEPTIONS", "QUERY_LAYERS", "INFO_FORMAT", "FEATURE_COUNT", "I", "J", "X", "Y", "LAYER", "STYLE", "RULE", "SCALE",
            "SLD_VERSION", "LANGUAGE", "TYPENAME", "TYPENAMES", "OUTPUTFORMAT", "RESULTTYPE", "PROPERTYNAME", "FEATUREID",
            "RESOURCEID", "FILTER", "FILTER_LANGUAGE", "SORTBY", "COUNT", "MAXFEATURES", "STARTINDEX", "SRSNAME", "NAMESPACES",
            "NAMESPACE", "VALUEREFERENCE", "STOREDQUERY_ID", "STOREDQUERYID", "ID", "RESOLVE", "RESOLVEDEPTH", "RESOLVETIMEOUT");
    private static final Set<String> IMAGE_FORMATS = Set.of("image/png", "image/jpeg", "png", "jpeg");
    /** WFS output formats that mean GeoJSON (spaces removed, lower case); MapServer knows only its format's name. */
    private static final Set<String> GEOJSON_ALIASES = Set.of("application/json", "json", "geojson", "application/geo+json",
            "application/json;subtype=geojson", "application/vnd.geo+json");
    private static final Set<String> CRS = Set.of("EPSG:25832", "EPSG:25833", "EPSG:3857", "EPSG:4326", "CRS:84", "EPSG:900913");

    private final String service;
    private final String version;
    private final String request;
    private final Map<String, String> params;
    private final String body;

    private OgcRequest(String service, String version, String request, Map<String, String> params, String body) {
        this.service = service;
        this.version = version;
        this.request = request;
        this.params = params;
        this.body = body;
    }

    public String service() {
        return service;
    }

    public String version() {
        return version;
    }

    public String request() {
        return request;
    }

    /** The parameters to hand to MapServer (upper-case names). */
    public Map<String, String> params() {
        return params;
    }

    /** An XML request body (WFS POST), or null. */
    public String body() {
        return body;
    }

    /**
     * Layer or feature type names the request addresses. Feature ids ({@code RESOURCEID}, a stored
     * query's {@code ID}) are not names: an id of a layer the viewer may not see is an unknown id
     * (not found, as WFS 2.0 wants), and the viewer's map does not hold that layer anyway.
     */
    public List<String> layerNames() {
        return java.util.stream.Stream.of("LAYERS", "QUERY_LAYERS", "LAYER", "TYPENAME", "TYPENAMES")
                .map(params::get).filter(v -> v != null && !v.isBlank())
                .flatMap(v -> java.util.Arrays.stream(v.split(","))).map(String::strip)
                .map(n -> n.replaceAll("^\\(|\\)$", "")).map(n -> n.substring(n.indexOf(':') + 1))   // WFS: atlas:name
                .filter(n -> !n.isEmpty()).distinct().toList();
    }

    /** Checks and normalises; refuses with an {@link OgcException} carrying the right OGC code. */
    public static OgcRequest vet(Map<String, String[]> raw, String body) {
        Map<String, String> p = new LinkedHashMap<>();
        for (var e : raw.entrySet()) {
            String name = e.getKey().toUpperCase(Locale.ROOT);
            String value = e.getValue() == null || e.getValue().length == 0 ? "" : e.getValue()[0];
            if (name.equals("SLD") || name.equals("SLD_BODY")) {
                throw new OgcException("InvalidParameterValue", name, "Eigene Styles (" + name + ") werden nicht angenommen; bitte STYLES "
                        + "mit einem angebotenen Stil verwenden / client-supplied styles are not accepted");
            }
            // MAP_RESOLUTION is QGIS' DPI hint on every GetMap (dpiMode "all"): not a map override, so it is
            // dropped below like any parameter off the allow-list instead of failing every QGIS map
            if (name.equals("MAP") || name.startsWith("MAP.") || name.startsWith("MAP_") && !name.equals("MAP_RESOLUTION")) {
                throw new OgcException("InvalidParameterValue", name, "Parameter " + name + " ist nicht erlaubt / parameter not allowed");
            }
            if (controls(name) || controls(value)) {
                throw new OgcException("InvalidParameterValue", name, "Steuerzeichen in " + name + " sind nicht erlaubt / control characters are not allowed");
            }
            if (value.length() > MAX_FILTER) {
                throw new OgcException("InvalidParameterValue", name, "Parameter " + name + " zu lang / too long");
            }
            if (elements(value) > MAX_ELEMENTS) {
                throw new OgcException("InvalidParameterValue", name, "Filter zu komplex (höchstens " + MAX_ELEMENTS
                        + " Elemente) / filter too complex");
            }
            if (PARAMETERS.contains(name)) {
                p.put(name, value);
            }
        }
        if (body != null && !body.isBlank()) {
            if (body.length() > MAX_FILTER * 16) {
                throw new OgcException("OperationProcessingFailed", null, "Anfrage zu groß / request body too large");
            }
            if (controls(body)) {
                throw new OgcException("OperationParsingFailed", null, "Steuerzeichen in der Anfrage / control characters in the request");
            }
            if (body.contains("<!DOCTYPE") || body.contains("<!ENTITY")) {
                throw new OgcException("OperationParsingFailed", null, "DTDs und Entitäten sind nicht erlaubt / no DTDs or entities");
            }
            if (elements(body) > MAX_ELEMENTS * 4) {
                throw new OgcException("OperationProcessingFailed", null, "Anfrage zu komplex / request too complex");
            }
        }
        checkIds(p, body);
        String service = p.getOrDefault("SERVICE", "").toUpperCase(Locale.ROOT);
        String request = p.getOrDefault("REQUEST", "");
        boolean post = body != null && !body.isBlank();
        if (service.isEmpty() && !post) {
            if (Set.of("getmap", "getfeatureinfo", "getlegendgraphic").contains(request.toLowerCase(Locale.ROOT))) {
                service = "WMS";   // WMS 1.1.1 clients may leave SERVICE out of GetMap
            } else {
                throw new OgcException("MissingParameterValue", "SERVICE", "Parameter SERVICE fehlt (WMS oder WFS) / SERVICE missing");
            }
        }
        if (post) {
            service = service.isEmpty() ? "WFS" : service;
            if (!"WFS".equals(service)) {
                throw new OgcException("InvalidParameterValue", "SERVICE", "POST nur für WFS / POST only for WFS");
            }
            return new OgcRequest(service, p.getOrDefault("VERSION", "2.0.0"), "", p, body);
        }
        if (!VERSIONS.containsKey(service)) {
            throw new OgcException("InvalidParameterValue", "SERVICE", "Dienst " + service + " wird nicht angeboten (WMS, WFS) / service not offered");
        }
        String canonical = REQUESTS.get(service).stream().filter(r -> r.equalsIgnoreCase(request)).findFirst().orElse(null);
        if (request.isEmpty()) {
            throw new OgcException("MissingParameterValue", "REQUEST", "Parameter REQUEST fehlt / REQUEST missing");
        }
        if (canonical == null) {
            throw new OgcException("OperationNotSupported", "REQUEST", "Anfrage " + request + " wird nicht unterstützt / not supported");
        }
        String version = p.get("VERSION");
        if (version != null && !version.isEmpty() && !VERSIONS.get(service).contains(version) && !canonical.equals("GetCapabilities")) {
            throw new OgcException("InvalidParameterValue", "VERSION", "Version " + version + " wird nicht unterstützt / version not supported");
        }
        if (canonical.equals("GetMap")) {
            int w = positive(p, "WIDTH");
            int h = positive(p, "HEIGHT");
            if (w > MAX_SIZE || h > MAX_SIZE) {
                throw new OgcException("InvalidParameterValue", w > MAX_SIZE ? "WIDTH" : "HEIGHT",
                        "Bild höchstens " + MAX_SIZE + " × " + MAX_SIZE + " Pixel / image at most " + MAX_SIZE + " pixels wide and high");
            }
            String format = p.getOrDefault("FORMAT", "image/png").toLowerCase(Locale.ROOT);
            if (!IMAGE_FORMATS.contains(format)) {
                throw new OgcException("InvalidFormat", "FORMAT", "Format " + format + " nicht angeboten (image/png, image/jpeg) / format not offered");
            }
        }
        String crs = p.containsKey("CRS") ? p.get("CRS") : p.get("SRS");
        // a territory's own CRS (EPSG:31467, ...) passes too; MapServer refuses one no requested layer offers
        if (crs != null && !crs.isEmpty() && !CRS.contains(crs.toUpperCase(Locale.ROOT)) && !crs.toUpperCase(Locale.ROOT).matches("EPSG:\\d{4,5}")) {
            throw new OgcException("1.1.1".equals(version) ? "InvalidSRS" : "InvalidCRS", p.containsKey("CRS") ? "CRS" : "SRS",
                    "Koordinatensystem " + crs + " nicht angeboten / CRS not offered: " + String.join(", ", MapfileWriter.CRS));
        }
        if ("GetFeature".equals(canonical) && p.containsKey("OUTPUTFORMAT")
                && GEOJSON_ALIASES.contains(p.get("OUTPUTFORMAT").strip().toLowerCase(Locale.ROOT).replace(" ", ""))) {
            p.put("OUTPUTFORMAT", "geojson");   // what GeoServer accepts and OpenLayers and Leaflet examples send
        }
        for (String limit : List.of("COUNT", "MAXFEATURES", "FEATURE_COUNT")) {
            if (p.containsKey(limit)) {
                int n = positive(p, limit);
                if (n > MAX_FEATURES) {
                    p.put(limit, String.valueOf(MAX_FEATURES));
                }
            }
        }
        return new OgcRequest(service, version, canonical, p, null);
    }

    /** The published types that the request's {@code RESOURCEID}s ({@code typename.fid}) belong to. */
    public List<String> resourceTypes(java.util.Set<String> published) {
        String ids = params.get("RESOURCEID");
        if (ids == null || ids.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(ids.split(",")).map(String::strip).filter(id -> id.lastIndexOf('.') > 0)
                .map(id -> id.substring(0, id.lastIndexOf('.'))).filter(published::contains).distinct().toList();
    }

    /**
     * A territory's own CRS (EPSG:31467, ...) is offered by that territory's layers only: asked of
     * other layers it is the WMS's InvalidCRS (InvalidSRS in 1.1.1), as for any CRS not offered.
     *
     * @param srids the own CRS of each layer the request names (of every layer of the endpoint when it names none)
     */
    public void checkOwnCrs(java.util.Collection<Integer> srids) {
        String crs = params.containsKey("CRS") ? params.get("CRS") : params.get("SRS");
        if (crs == null || crs.isEmpty() || CRS.contains(crs.toUpperCase(Locale.ROOT)) || srids.isEmpty()) {
            return;
        }
        String code = crs.toUpperCase(Locale.ROOT).substring("EPSG:".length());
        boolean offered = layerNames().isEmpty() ? srids.stream().anyMatch(s -> String.valueOf(s).equals(code))
                : srids.stream().allMatch(s -> String.valueOf(s).equals(code));
        if (!offered) {
            throw new OgcException("1.1.1".equals(version) ? "InvalidSRS" : "InvalidCRS", params.containsKey("CRS") ? "CRS" : "SRS",
                    "Koordinatensystem " + crs + " nicht angeboten / CRS not offered: " + String.join(", ", MapfileWriter.CRS)
                            + " und das der Ebene / and the layer's own");
        }
    }

    /**
     * A feature identifier as our layers make them: the layer name, a dot and the feature's number
     * (every layer keys its features by a number, {@code fid}); a WFS prefix ({@code atlas:}) is allowed.
     * Anything else never reaches MapServer, which puts identifiers into its SQL.
     */
    static final Pattern FEATURE_ID = Pattern.compile("(?:[A-Za-z][A-Za-z0-9_]*:)?[a-z][a-z0-9_-]*(?:\\.[a-z0-9_-]+)*\\.[0-9]{1,18}");
    /** The identifier elements of OGC filters (FES 2.0 ResourceId, Filter 1.1 FeatureId and GmlObjectId) with their attributes. */
    private static final Pattern ID_ELEMENT = Pattern.compile("<(?:[\\w.-]+:)?(ResourceId|FeatureId|GmlObjectId)\\b([^>]*)>");
    private static final Pattern ID_ATTRIBUTE = Pattern.compile("(?:^|\\s)(?:[\\w.-]+:)?(?:rid|fid|id)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");

    /** What an identifier may consist of at all; anything else (quotes, blanks, brackets) is an attack or a mistake. */
    private static final Pattern ID_CHARACTERS = Pattern.compile("[A-Za-z0-9._:-]{1,200}");

    /**
     * Every feature identifier of the request, in parameters, filters and a POSTed body, must at least
     * look like one. In RESOURCEID and FEATUREID an identifier that cannot be one of ours (not
     * {@code layer.number}) names no feature: it is asked as the number 0, which no feature has, so the
     * answer is empty as WFS 2.0 (and the CITE suite) want, and MapServer never sees the identifier.
     */
    private static void checkIds(Map<String, String> p, String body) {
        String types = p.containsKey("TYPENAMES") ? p.get("TYPENAMES") : p.get("TYPENAME");
        String firstType = types == null || types.isBlank() ? null
                : types.split(",")[0].strip().replaceAll("^\\(|\\)$", "").replaceAll("^[A-Za-z][A-Za-z0-9_]*:", "");
        for (String name : List.of("RESOURCEID", "FEATUREID")) {
            String ids = p.get(name);
            if (ids == null || ids.isBlank()) {
                continue;
            }
            List<String> kept = new java.util.ArrayList<>();
            for (String raw : ids.split(",")) {
                String id = raw.strip().replaceAll("^\\(|\\)$", "");
                if (!ID_CHARACTERS.matcher(id).matches()) {
                    checkId(id, name);   // refused
                }
                if (isFeatureId(id)) {
                    kept.add(id);
                } else if (firstType == null || !isFeatureId(firstType + ".0")) {
                    checkId(id, name);   // refused: no type to answer an empty collection for
                } else if (!kept.contains(firstType + ".0")) {
                    kept.add(firstType + ".0");
                }
            }
            p.put(name, String.join(",", kept));
        }
        // a stored query's ID is GetFeatureById's to judge: not one of ours is not found (404), as WFS 2.0 wants
        for (String xml : java.util.Arrays.asList(p.get("FILTER"), body)) {
            if (xml == null) {
                continue;
            }
            Matcher e = ID_ELEMENT.matcher(xml);
            while (e.find()) {
                Matcher a = ID_ATTRIBUTE.matcher(e.group(2));
                if (!a.find()) {
                    throw new OgcException("InvalidParameterValue", "FILTER", e.group(1) + " ohne Kennung / without identifier");
                }
                do {
                    String id = a.group(1) != null ? a.group(1) : a.group(2);
                    if (!ID_CHARACTERS.matcher(id).matches()) {
                        checkId(id, xml == body ? e.group(1) : "FILTER");   // refused
                    }
                } while (a.find());
            }
        }
    }

    /** Refuses an identifier that is not one of ours (the text is echoed only when it is harmless to print). */
    static void checkId(String id, String locator) {
        if (!isFeatureId(id)) {
            throw new OgcException("InvalidParameterValue", locator, "Ungültige Objektkennung (erwartet: ebene.nummer) / "
                    + "invalid feature identifier (expected: layer.number)");
        }
    }

    static boolean isFeatureId(String id) {
        return FEATURE_ID.matcher(id).matches();
    }

    /** Control characters (not tab, line feed, carriage return): no OGC parameter or XML body carries them. */
    private static boolean controls(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7f && c <= 0x9f) {
                return true;
            }
        }
        return false;
    }

    /** Elements in an XML text, roughly: a filter bomb nests thousands of them in a few kilobytes. */
    private static int elements(String xml) {
        int n = 0;
        for (int i = xml.indexOf('<'); i >= 0; i = xml.indexOf('<', i + 1)) {
            n++;
        }
        return n;
    }

    /**
     * A resource identifier is {@code typename.fid}; one of another published type than the request
     * names is an error (WFS 2.0, 7.9.2.4.1), which MapServer would ignore and answer anyway. An
     * identifier of no published type is simply not found (an empty answer).
     *
     * @param published the feature type names of the endpoint
     */
    public void checkResourceIds(java.util.Set<String> published) {
        Map<String, String> p = params;
        String ids = p.get("RESOURCEID");
        String types = p.containsKey("TYPENAMES") ? p.get("TYPENAMES") : p.get("TYPENAME");
        if (ids == null || ids.isBlank() || types == null || types.isBlank()) {
            return;
        }
        List<String> names = java.util.Arrays.stream(types.split(",")).map(String::strip).map(n -> n.replaceAll("^\\(|\\)$", ""))
                .map(n -> n.substring(n.indexOf(':') + 1)).toList();
        for (String id : ids.split(",")) {
            int dot = id.strip().lastIndexOf('.');
            if (dot > 0 && published.contains(id.strip().substring(0, dot)) && !names.contains(id.strip().substring(0, dot))) {
                throw new OgcException("InvalidParameterValue", "RESOURCEID", "Kennung „" + id.strip() + "“ gehört zu keinem der TYPENAMES / "
                        + "identifier does not belong to the requested types");
            }
        }
    }

    private static int positive(Map<String, String> p, String name) {
        String v = p.get(name);
        if (v == null || v.isBlank()) {
            throw new OgcException("MissingParameterValue", name, "Parameter " + name + " fehlt / missing");
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new OgcException("InvalidParameterValue", name, name + " muss eine positive ganze Zahl sein / must be a positive integer");
        }
    }
}
