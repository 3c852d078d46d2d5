package de.chancenatlas.ogc;

import java.nio.charset.StandardCharsets;

/**
 * Completes MapServer's WFS 2.0 capabilities where it implements more than it says: GetFeature takes
 * {@code resolve} (our features carry no references, so local resolution is a no-op MapServer
 * accepts), and a Basic WFS must list {@code local} among its values (OGC 09-025r2, Table 13).
 */
final class WfsCapabilities {
    private static final String PARAMETER = "      <ows:Parameter name=\"resolve\">\n        <ows:AllowedValues>\n"
            + "          <ows:Value>local</ows:Value>\n          <ows:Value>none</ows:Value>\n        </ows:AllowedValues>\n"
            + "      </ows:Parameter>\n";

    private WfsCapabilities() {
    }

    static boolean applies(OgcRequest r) {
        String v = r.params().get("ACCEPTVERSIONS") != null ? r.params().get("ACCEPTVERSIONS") : r.version();
        return "WFS".equals(r.service()) && "GetCapabilities".equals(r.request()) && (v == null || v.isEmpty() || v.startsWith("2.0"));
    }

    static OgcResponse complete(OgcResponse r) {
        if (r.status() != 200) {
            return r;
        }
        String xml = new String(r.body(), StandardCharsets.UTF_8);
        int op = xml.indexOf("<ows:Operation name=\"GetFeature\">");
        int end = op < 0 ? -1 : xml.indexOf("</ows:Operation>", op);
        if (end < 0 || xml.substring(op, end).contains("name=\"resolve\"")) {
            return r;
        }
        return new OgcResponse(r.status(), r.contentType(), (xml.substring(0, end) + PARAMETER + "    " + xml.substring(end).stripLeading())
                .getBytes(StandardCharsets.UTF_8));
    }
}
