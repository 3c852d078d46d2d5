package de.chancenatlas.ogc;

/**
 * A request our server refuses before MapServer sees it, reported as the service's own exception
 * report (WMS ServiceExceptionReport, WFS/OWS ExceptionReport).
 */
public final class OgcException extends RuntimeException {
    private final String code;
    private final String locator;

    public OgcException(String code, String locator, String message) {
        super(message);
        this.code = code;
        this.locator = locator;
    }

    public String code() {
        return code;
    }

    /** The exception report for the service and version the client asked for. */
    public OgcResponse report(String service, String version) {
        String msg = xml(getMessage());
        // without a service we cannot know the client's dialect: OWS Common's report
        if ("WFS".equalsIgnoreCase(service) || service == null || service.isBlank()) {
            String v = version == null || version.isBlank() ? "2.0.0" : version;
            String ns = v.startsWith("1.") ? "http://www.opengis.net/ows" : "http://www.opengis.net/ows/1.1";
            String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ows:ExceptionReport xmlns:ows=\"" + ns + "\" version=\""
                    + ("2.0.0".equals(v) ? "2.0.0" : "1.1.0") + "\" xml:lang=\"de\">\n  <ows:Exception exceptionCode=\"" + code + "\""
                    + (locator == null ? "" : " locator=\"" + xml(locator) + "\"") + ">\n    <ows:ExceptionText>" + msg
                    + "</ows:ExceptionText>\n  </ows:Exception>\n</ows:ExceptionReport>\n";
            return new OgcResponse("NotFound".equals(code) ? 404 : 400, "text/xml; charset=UTF-8", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        boolean v111 = "1.1.1".equals(version);
        String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ServiceExceptionReport version=\"" + (v111 ? "1.1.1" : "1.3.0") + "\""
                + (v111 ? "" : " xmlns=\"http://www.opengis.net/ogc\"") + ">\n  <ServiceException code=\"" + code + "\""
                + (locator == null ? "" : " locator=\"" + xml(locator) + "\"") + ">" + msg + "</ServiceException>\n</ServiceExceptionReport>\n";
        return new OgcResponse(200, v111 ? "application/vnd.ogc.se_xml; charset=UTF-8" : "text/xml; charset=UTF-8",
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String xml(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
