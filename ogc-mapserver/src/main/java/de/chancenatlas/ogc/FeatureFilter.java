package de.chancenatlas.ogc;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * The part of OGC Filter Encoding (FES 2.0 and Filter 1.1) our own feature writer answers: property
 * comparisons, between, null, identifiers, and their And/Or/Not. Everything else (spatial operators,
 * like, functions, case-insensitive matching, a text value compared with a number) is
 * {@link Unsupported}: MapServer answers that request as before, with its own errors.
 */
final class FeatureFilter {
    /** Not ours to answer: the caller hands the request to MapServer. */
    static final class Unsupported extends Exception {
        Unsupported(String why) {
            super(why, null, false, false);
        }
    }

    private static final Map<String, String> COMPARISONS = Map.of("PropertyIsEqualTo", "=", "PropertyIsNotEqualTo", "<>",
            "PropertyIsLessThan", "<", "PropertyIsGreaterThan", ">", "PropertyIsLessThanOrEqualTo", "<=",
            "PropertyIsGreaterThanOrEqualTo", ">=");

    private final LayerDef layer;
    private final List<Object> args = new ArrayList<>();

    private FeatureFilter(LayerDef layer) {
        this.layer = layer;
    }

    /** Adds the filter's condition to {@code where}. */
    static void add(FeatureQuery.Where where, LayerDef layer, String xml) throws Unsupported {
        Element root;
        try {
            var f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            root = f.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
        } catch (Exception e) {
            throw new Unsupported("unreadable filter");   // MapServer writes the parsing error
        }
        if (!"Filter".equals(root.getLocalName())) {
            throw new Unsupported("not a filter");
        }
        FeatureFilter f = new FeatureFilter(layer);
        List<Element> parts = children(root);
        if (parts.isEmpty()) {
            throw new Unsupported("empty filter");
        }
        List<String> sql = new ArrayList<>();
        if (parts.stream().allMatch(FeatureFilter::isId)) {
            sql.add(f.ids(parts));   // several identifiers directly in the filter: any of them
        } else if (parts.size() == 1) {
            sql.add(f.condition(parts.get(0)));
        } else {
            throw new Unsupported("several operators without And/Or");
        }
        where.add(sql.get(0), f.args.toArray());
    }

    /** Identifiers {@code layer.fid} of this layer as fids; others (another layer's, not numeric) match nothing. */
    static long[] fids(LayerDef layer, List<String> ids) {
        return ids.stream().map(String::strip).filter(id -> id.startsWith(layer.name() + ".")).map(id -> id.substring(layer.name().length() + 1))
                .filter(n -> n.matches("\\d{1,18}")).mapToLong(Long::parseLong).toArray();
    }

    private String condition(Element e) throws Unsupported {
        String op = e.getLocalName();
        if (e.hasAttribute("matchCase") && "false".equalsIgnoreCase(e.getAttribute("matchCase"))) {
            throw new Unsupported("matchCase=false");
        }
        switch (op) {
            case "And", "Or" -> {
                List<Element> parts = children(e);
                if (parts.size() < 2) {
                    throw new Unsupported(op + " needs two operands");
                }
                List<String> sql = new ArrayList<>();
                for (Element p : parts) {
                    sql.add(condition(p));
                }
                return "(" + String.join(" " + op.toLowerCase(java.util.Locale.ROOT) + " ", sql) + ")";
            }
            case "Not" -> {
                List<Element> parts = children(e);
                if (parts.size() != 1) {
                    throw new Unsupported("Not needs one operand");
                }
                // SQL's three-valued logic would drop rows whose property is null; Filter's Not keeps them
                return "(" + condition(parts.get(0)) + ") is not true";
            }
            case "PropertyIsNull" -> {
                List<Element> parts = children(e);
                if (parts.size() != 1) {
                    throw new Unsupported("PropertyIsNull needs a property");
                }
                return "t." + property(parts.get(0)) + " is null";
            }
            case "PropertyIsBetween" -> {
                List<Element> parts = children(e);
                if (parts.size() != 3) {
                    throw new Unsupported("between needs a property and two bounds");
                }
                String p = property(parts.get(0));
                String lower = value(p, bound(parts.get(1), "LowerBoundary"));
                String upper = value(p, bound(parts.get(2), "UpperBoundary"));
                return "t." + p + " between " + lower + " and " + upper;
            }
            default -> {
                if (isId(e)) {
                    return ids(List.of(e));
                }
                String sqlOp = COMPARISONS.get(op);
                List<Element> parts = children(e);
                if (sqlOp == null || parts.size() != 2 || !"Literal".equals(parts.get(1).getLocalName())) {
                    throw new Unsupported("operator " + op);
                }
                String p = property(parts.get(0));
                return "t." + p + " " + sqlOp + " " + value(p, parts.get(1));
            }
        }
    }

    private static boolean isId(Element e) {
        return List.of("ResourceId", "FeatureId", "GmlObjectId").contains(e.getLocalName());
    }

    private String ids(List<Element> elements) throws Unsupported {
        List<String> ids = new ArrayList<>();
        for (Element e : elements) {
            if (!isId(e)) {
                throw new Unsupported("identifiers mixed with other operators");
            }
            String id = e.hasAttribute("rid") ? e.getAttribute("rid") : e.hasAttribute("fid") ? e.getAttribute("fid")
                    : e.getAttributeNS("http://www.opengis.net/gml", "id") + e.getAttributeNS("http://www.opengis.net/gml/3.2", "id");
            if (e.hasAttribute("version") || e.hasAttribute("startDate") || e.hasAttribute("endDate") || e.hasAttribute("previousRid")) {
                throw new Unsupported("versioned identifier");
            }
            ids.add(id);
        }
        args.add(fids(layer, ids));
        return "t.fid = any (?)";
    }

    /** A property of the layer ({@code atlas:} prefix allowed); geometry and unknown names are MapServer's to judge. */
    private String property(Element e) throws Unsupported {
        if (!List.of("ValueReference", "PropertyName").contains(e.getLocalName()) || !children(e).isEmpty()) {
            throw new Unsupported("not a property name");
        }
        String name = e.getTextContent().strip();
        name = name.substring(name.indexOf(':') + 1);
        if (!FeatureQuery.properties(layer).contains(name)) {
            throw new Unsupported("property " + name);
        }
        return name;
    }

    private static Element bound(Element e, String name) throws Unsupported {
        List<Element> parts = children(e);
        if (!name.equals(e.getLocalName()) || parts.size() != 1 || !"Literal".equals(parts.get(0).getLocalName())) {
            throw new Unsupported("bound");
        }
        return parts.get(0);
    }

    /** A literal as a JDBC argument of the property's type. */
    private String value(String property, Element literal) throws Unsupported {
        if (!children(literal).isEmpty()) {
            throw new Unsupported("structured literal");
        }
        String text = literal.getTextContent().strip();
        if (FeatureQuery.numeric(property)) {
            try {
                double d = Double.parseDouble(text);
                if (!Double.isFinite(d)) {
                    throw new NumberFormatException();
                }
                args.add(d);
                return "?::float8";
            } catch (NumberFormatException ex) {
                throw new Unsupported("text compared with a number");
            }
        }
        args.add(text);
        return "?::text";
    }

    private static List<Element> children(Node n) {
        List<Element> out = new ArrayList<>();
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element el) {
                out.add(el);
            }
        }
        return out;
    }
}
