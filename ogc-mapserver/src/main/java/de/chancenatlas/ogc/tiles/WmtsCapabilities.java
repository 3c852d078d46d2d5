package de.chancenatlas.ogc.tiles;

import de.chancenatlas.ogc.OgcException;
import de.chancenatlas.ogc.OgcResponse;
import de.chancenatlas.ogc.ViewerScope;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * WMTS 1.0.0 capabilities, derived from the viewer's own WMS capabilities (same layers, titles,
 * styles and extents, so the two services cannot disagree about what a viewer sees), with KVP and
 * RESTful tile URLs and the reporting dates as the Time dimension.
 */
final class WmtsCapabilities {
    private WmtsCapabilities() {
    }

    /** The named layers of a WMS 1.3.0 capabilities document that the scope holds. */
    static Map<String, TileService.LayerInfo> readWms(OgcResponse caps, ViewerScope scope) {
        Map<String, TileService.LayerInfo> out = new LinkedHashMap<>();
        try {
            var f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(false);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(caps.body()));
            var layers = doc.getElementsByTagName("Layer");
            for (int i = 0; i < layers.getLength(); i++) {
                Element l = (Element) layers.item(i);
                String name = child(l, "Name");
                if (name == null || !scope.layers().contains(name)) {
                    continue;
                }
                int srid = scope.srids().getOrDefault(name, 0);
                List<String> styles = new ArrayList<>();
                double[] wgs84 = null;
                double[] extent = null;
                for (Node n = l.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (!(n instanceof Element e)) {
                        continue;
                    }
                    switch (e.getTagName()) {
                        case "Style" -> styles.add(child(e, "Name"));
                        case "EX_GeographicBoundingBox" -> wgs84 = new double[] {num(child(e, "westBoundLongitude")),
                            num(child(e, "southBoundLatitude")), num(child(e, "eastBoundLongitude")), num(child(e, "northBoundLatitude"))};
                        case "BoundingBox" -> {
                            if (("EPSG:" + srid).equals(e.getAttribute("CRS"))) {
                                extent = new double[] {num(e.getAttribute("minx")), num(e.getAttribute("miny")), num(e.getAttribute("maxx")),
                                    num(e.getAttribute("maxy"))};
                            }
                        }
                        default -> { }
                    }
                }
                if (styles.isEmpty()) {
                    styles.add("default");
                }
                out.put(name, new TileService.LayerInfo(name, child(l, "Title"), child(l, "Abstract"), List.copyOf(styles), wgs84, extent, srid,
                        scope.periods().getOrDefault(name, List.of())));
            }
        } catch (Exception e) {
            throw new OgcException("NoApplicableCode", null, "Ebenen nicht lesbar / layers unavailable");
        }
        return out;
    }

    static String write(String title, String base, Collection<TileService.LayerInfo> layers,
                        Function<TileService.LayerInfo, List<TileMatrixSet>> sets) {
        StringBuilder x = new StringBuilder(16384);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Capabilities xmlns=\"http://www.opengis.net/wmts/1.0\" ")
                .append("xmlns:ows=\"http://www.opengis.net/ows/1.1\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" ")
                .append("xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://www.opengis.net/wmts/1.0 ")
                .append("http://schemas.opengis.net/wmts/1.0/wmtsGetCapabilities_response.xsd\" version=\"1.0.0\">\n")
                .append("  <ows:ServiceIdentification>\n    <ows:Title>").append(xml(title)).append(" – Kacheln / tiles</ows:Title>\n")
                .append("    <ows:ServiceType>OGC WMTS</ows:ServiceType>\n    <ows:ServiceTypeVersion>1.0.0</ows:ServiceTypeVersion>\n")
                .append("  </ows:ServiceIdentification>\n  <ows:OperationsMetadata>\n");
        for (String op : List.of("GetCapabilities", "GetTile")) {
            x.append("    <ows:Operation name=\"").append(op).append("\"><ows:DCP><ows:HTTP><ows:Get xlink:href=\"").append(xml(base))
                    .append("?\"><ows:Constraint name=\"GetEncoding\"><ows:AllowedValues><ows:Value>KVP</ows:Value></ows:AllowedValues>")
                    .append("</ows:Constraint></ows:Get><ows:Get xlink:href=\"").append(xml(base)).append("/1.0.0/\"><ows:Constraint name=\"GetEncoding\">")
                    .append("<ows:AllowedValues><ows:Value>RESTful</ows:Value></ows:AllowedValues></ows:Constraint></ows:Get>")
                    .append("</ows:HTTP></ows:DCP></ows:Operation>\n");
        }
        x.append("  </ows:OperationsMetadata>\n  <Contents>\n");
        Map<String, TileMatrixSet> used = new LinkedHashMap<>();
        for (TileService.LayerInfo l : layers) {
            x.append("    <Layer>\n      <ows:Title>").append(xml(l.title())).append("</ows:Title>\n");
            if (l.abstractText() != null) {
                x.append("      <ows:Abstract>").append(xml(l.abstractText())).append("</ows:Abstract>\n");
            }
            if (l.wgs84() != null) {
                x.append("      <ows:WGS84BoundingBox><ows:LowerCorner>").append(n(l.wgs84()[0])).append(' ').append(n(l.wgs84()[1]))
                        .append("</ows:LowerCorner><ows:UpperCorner>").append(n(l.wgs84()[2])).append(' ').append(n(l.wgs84()[3]))
                        .append("</ows:UpperCorner></ows:WGS84BoundingBox>\n");
            }
            x.append("      <ows:Identifier>").append(xml(l.name())).append("</ows:Identifier>\n");
            for (int i = 0; i < l.styles().size(); i++) {
                x.append("      <Style").append(i == 0 ? " isDefault=\"true\"" : "").append("><ows:Identifier>").append(xml(l.styles().get(i)))
                        .append("</ows:Identifier></Style>\n");
            }
            x.append("      <Format>image/png</Format>\n");
            boolean time = !l.periods().isEmpty();
            if (time) {
                x.append("      <Dimension>\n        <ows:Identifier>Time</ows:Identifier>\n        <UOM>ISO8601</UOM>\n        <Default>")
                        .append(l.periods().stream().max(LocalDate::compareTo).orElseThrow()).append("</Default>\n");
                l.periods().stream().sorted().forEach(p -> x.append("        <Value>").append(p).append("</Value>\n"));
                x.append("      </Dimension>\n");
            }
            for (TileMatrixSet s : sets.apply(l)) {
                used.putIfAbsent(s.id(), s);
                x.append("      <TileMatrixSetLink><TileMatrixSet>").append(s.id()).append("</TileMatrixSet></TileMatrixSetLink>\n");
            }
            x.append("      <ResourceURL format=\"image/png\" resourceType=\"tile\" template=\"").append(xml(base)).append("/1.0.0/")
                    .append(xml(l.name())).append("/{Style}/").append(time ? "{Time}/" : "")
                    .append("{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.png\"/>\n    </Layer>\n");
        }
        for (TileMatrixSet s : used.values()) {
            x.append("    <TileMatrixSet>\n      <ows:Identifier>").append(s.id()).append("</ows:Identifier>\n      <ows:SupportedCRS>urn:ogc:def:crs:EPSG::")
                    .append(s.srid()).append("</ows:SupportedCRS>\n");
            if (s == TileMatrixSet.GOOGLE) {
                x.append("      <WellKnownScaleSet>urn:ogc:def:wkss:OGC:1.0:GoogleMapsCompatible</WellKnownScaleSet>\n");
            }
            for (int z = 0; z < s.levels(); z++) {
                x.append("      <TileMatrix><ows:Identifier>").append(z).append("</ows:Identifier><ScaleDenominator>")
                        .append(n(s.scaleDenominator(z))).append("</ScaleDenominator><TopLeftCorner>").append(n(s.originX())).append(' ')
                        .append(n(s.originY())).append("</TopLeftCorner><TileWidth>256</TileWidth><TileHeight>256</TileHeight><MatrixWidth>")
                        .append(s.matrixWidth(z)).append("</MatrixWidth><MatrixHeight>").append(s.matrixHeight(z))
                        .append("</MatrixHeight></TileMatrix>\n");
            }
            x.append("    </TileMatrixSet>\n");
        }
        return x.append("  </Contents>\n</Capabilities>\n").toString();
    }

    private static String child(Element e, String tag) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(tag)) {
                return c.getTextContent().strip();
            }
        }
        return null;
    }

    private static double num(String s) {
        return Double.parseDouble(s.strip());
    }

    private static String n(double d) {
        return new java.math.BigDecimal(d).setScale(10, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    private static String xml(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String exceptionReport(OgcException e) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ows:ExceptionReport xmlns:ows=\"http://www.opengis.net/ows/1.1\" version=\"1.0.0\" "
                + "xml:lang=\"de\">\n  <ows:Exception exceptionCode=\"" + xml(e.code()) + "\">\n    <ows:ExceptionText>" + xml(e.getMessage())
                + "</ows:ExceptionText>\n  </ows:Exception>\n</ows:ExceptionReport>\n";
    }
}
