package de.chancenatlas.core.style;

import java.math.BigDecimal;
import java.util.List;

/**
 * Writes a style as an OGC Styled Layer Descriptor 1.0 for QGIS, GeoServer and other SLD readers,
 * from the same {@link Classification} MapServer's classes are written from. The rules address the
 * attributes of the published layers (WMS/WFS): {@code value} (unrounded), {@code status} and, for
 * the per-period style, {@code period}. Class bounds: lower inclusive, upper exclusive; the first
 * class is open below and the last open above, as in {@link Classification#classOf}.
 */
public final class SldWriter {
    private static final String OUTLINE = "#787878";

    private SldWriter() {
    }

    /**
     * @param layerName the WMS layer name, e.g. {@code koeln.anteil_unter_6.stadtteil}
     * @param title     the layer title (indicator and level)
     * @param style     a name from {@link StyleSet#NAMES}
     */
    public static String write(String layerName, String title, StyleSet styles, String style) {
        String name = style == null || style.isEmpty() || "default".equals(style) ? StyleSet.DEFAULT : style;
        if (!StyleSet.NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown style '" + style + "'; known: " + StyleSet.NAMES);
        }
        StringBuilder x = new StringBuilder(8 * 1024);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\" xmlns:ogc=\"http://www.opengis.net/ogc\"\n")
                .append("    xmlns:xlink=\"http://www.w3.org/1999/xlink\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n")
                .append("    xsi:schemaLocation=\"http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd\">\n")
                .append("  <NamedLayer>\n    <Name>").append(xml(layerName)).append("</Name>\n")
                .append("    <UserStyle>\n      <Name>").append(xml(name)).append("</Name>\n")
                .append("      <Title>").append(xml(title + " – " + StyleSet.title(name))).append("</Title>\n")
                .append("      <IsDefault>").append(StyleSet.DEFAULT.equals(name) ? 1 : 0).append("</IsDefault>\n")
                .append("      <FeatureTypeStyle>\n");
        x.append("        <Rule>\n          <Name>nicht-veroeffentlicht</Name>\n          <Title>nicht veröffentlicht (–)</Title>\n")
                .append("          <ogc:Filter>\n").append(equal("status", "suppressed", 12)).append("          </ogc:Filter>\n")
                .append(fill(Classification.SUPPRESSED_COLOUR)).append("        </Rule>\n");
        x.append("        <Rule>\n          <Name>keine-angabe</Name>\n          <Title>keine Angabe (x)</Title>\n")
                .append("          <ogc:Filter>\n            <ogc:And>\n")
                .append("              <ogc:PropertyIsNull><ogc:PropertyName>value</ogc:PropertyName></ogc:PropertyIsNull>\n")
                .append("              <ogc:PropertyIsNotEqualTo><ogc:PropertyName>status</ogc:PropertyName>")
                .append("<ogc:Literal>suppressed</ogc:Literal></ogc:PropertyIsNotEqualTo>\n")
                .append("            </ogc:And>\n          </ogc:Filter>\n")
                .append(fill(Classification.NO_DATA_COLOUR)).append("        </Rule>\n");
        if (StyleSet.PER_PERIOD.equals(name)) {
            for (var e : styles.perPeriod().entrySet()) {
                rules(x, e.getValue(), e.getKey());
            }
        } else {
            rules(x, styles.classification(name, null), null);
        }
        return x.append("      </FeatureTypeStyle>\n    </UserStyle>\n  </NamedLayer>\n</StyledLayerDescriptor>\n").toString();
    }

    private static void rules(StringBuilder x, Classification c, String period) {
        List<String> labels = c.labels();
        for (int i = 0; i < c.classes(); i++) {
            StringBuilder conditions = new StringBuilder();
            int n = 0;
            if (period != null) {
                conditions.append(compare("PropertyIsEqualTo", "period", period));
                n++;
            }
            if (i > 0) {
                conditions.append(compare("PropertyIsGreaterThanOrEqualTo", "value", plain(c.breaks().get(i))));
                n++;
            }
            if (i < c.classes() - 1) {
                conditions.append(compare("PropertyIsLessThan", "value", plain(c.breaks().get(i + 1))));
                n++;
            }
            if (n == 0) {   // a single class: every value
                conditions.append("              <ogc:Not><ogc:PropertyIsNull><ogc:PropertyName>value</ogc:PropertyName>"
                        + "</ogc:PropertyIsNull></ogc:Not>\n");
                n++;
            }
            String prefix = period == null ? "" : period + ": ";
            x.append("        <Rule>\n          <Name>").append(period == null ? "" : period + "-").append("klasse-").append(i + 1)
                    .append("</Name>\n          <Title>").append(xml(prefix + labels.get(i))).append("</Title>\n")
                    .append("          <ogc:Filter>\n");
            if (n > 1) {
                x.append("            <ogc:And>\n").append(conditions).append("            </ogc:And>\n");
            } else {
                x.append(conditions.toString().replaceFirst("^  ", ""));
            }
            x.append("          </ogc:Filter>\n").append(fill(c.colours().get(i))).append("        </Rule>\n");
        }
    }

    private static String compare(String op, String property, String literal) {
        return "              <ogc:" + op + "><ogc:PropertyName>" + property + "</ogc:PropertyName><ogc:Literal>" + literal
                + "</ogc:Literal></ogc:" + op + ">\n";
    }

    private static String equal(String property, String literal, int indent) {
        return " ".repeat(indent) + "<ogc:PropertyIsEqualTo><ogc:PropertyName>" + property + "</ogc:PropertyName><ogc:Literal>"
                + xml(literal) + "</ogc:Literal></ogc:PropertyIsEqualTo>\n";
    }

    private static String fill(String colour) {
        return "          <PolygonSymbolizer>\n            <Fill><CssParameter name=\"fill\">" + colour + "</CssParameter></Fill>\n"
                + "            <Stroke><CssParameter name=\"stroke\">" + OUTLINE + "</CssParameter>"
                + "<CssParameter name=\"stroke-width\">0.5</CssParameter></Stroke>\n          </PolygonSymbolizer>\n";
    }

    /** The exact double the classes use, without exponent. */
    private static String plain(double d) {
        return BigDecimal.valueOf(d).toPlainString();
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
