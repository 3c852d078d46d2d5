package de.chancenatlas.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.chancenatlas.core.style.Classification;
import de.chancenatlas.ogc.LayerCatalog;
import de.chancenatlas.core.db.Audience;
import de.chancenatlas.core.read.AtlasReader;
import de.chancenatlas.core.read.PublishedViews;
import de.chancenatlas.core.read.Viewer;
import de.chancenatlas.ogc.LayerDef;
import de.chancenatlas.ogc.OgcResponse;
import de.chancenatlas.ogc.OgcService;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.SQLException;
import java.util.HashMap;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import javax.sql.DataSource;

/**
 * Maps for reports, drawn by the same MapServer engine, layers and classes as the WMS: every map is
 * a WMS GetMap (and the locator's outline a WFS GetFeature) through {@link OgcService}. This is the
 * only class of the reports that calls the OGC service.
 */
public final class MapImages {
    private final OgcService ogc;
    private final LayerCatalog catalog;
    private final PublishedViews views;
    private final ObjectMapper json = new ObjectMapper();
    /** Layer definitions (extent, classes) per territory and audience, rebuilt when the data generation changes. */
    private final Map<String, Map<String, LayerDef>> layers = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Path2D>> outlines = new ConcurrentHashMap<>();
    private volatile long generation = Long.MIN_VALUE;

    /** @param views the same refresher the OGC service and read path use (layer values and classes come from its views) */
    public MapImages(OgcService ogc, DataSource ds, PublishedViews views) {
        this.ogc = ogc;
        this.catalog = new LayerCatalog(ds);
        this.views = views;
    }

    /** A map image with the classes that coloured it (null for an outline map). */
    public record MapImage(BufferedImage image, Classification classification) { }

    /** The layer of an indicator on a level as the viewer sees it; empty when it does not exist for them. */
    public Optional<LayerDef> layer(Viewer viewer, String territory, String indicator, String level) {
        return Optional.ofNullable(layers(viewer, territory).get(territory + "." + indicator + "." + level));
    }

    /** The choropleth of an indicator on a level on a Stichtag (ISO date, the WMS TIME), as the WMS draws it for the viewer. */
    public Optional<MapImage> choropleth(Viewer viewer, String territory, String indicator, String level, String stichtag, int width, int height) {
        Optional<LayerDef> layer = layer(viewer, territory, indicator, level);
        if (layer.isEmpty()) {
            return Optional.empty();
        }
        BufferedImage img = getMap(viewer, territory, layer.get(), width, height, stichtag);
        return Optional.of(new MapImage(img, layer.get().classification()));
    }

    /** The outlines of a level with one unit filled in the given colour: where the unit lies. */
    public Optional<BufferedImage> locator(Viewer viewer, String territory, String level, String unitCode, Color colour, int width, int height) {
        LayerDef outline = layers(viewer, territory).get(territory + "." + level);
        if (outline == null) {
            return Optional.empty();
        }
        double[] box = fit(outline.extent(), width, height);
        BufferedImage img = getMap(viewer, territory, outline, width, height, null);
        Path2D shape = outlines(viewer, territory, outline).get(unitCode);
        if (shape != null) {
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            double sx = width / (box[2] - box[0]);
            double sy = height / (box[3] - box[1]);
            g.translate(0, height);
            g.scale(sx, -sy);
            g.translate(-box[0], -box[1]);
            g.setColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 200));
            g.fill(shape);
            g.setColor(colour.darker());
            g.setStroke(new BasicStroke((float) (2 / sx)));
            g.draw(shape);
            g.dispose();
        }
        return Optional.of(img);
    }

    /** A GetMap in the layer's own CRS (the territory's), over its extent. */
    private BufferedImage getMap(Viewer viewer, String territory, LayerDef layer, int width, int height, String time) {
        double[] box = fit(layer.extent(), width, height);
        Map<String, String[]> p = new HashMap<>();
        p.put("SERVICE", new String[] {"WMS"});
        // WMS 1.1.1: the box is easting, northing in every CRS (1.3.0 follows the EPSG axis order,
        // northing first for Gauß-Krüger and EPSG:3035)
        p.put("VERSION", new String[] {"1.1.1"});
        p.put("REQUEST", new String[] {"GetMap"});
        p.put("LAYERS", new String[] {layer.name()});
        p.put("STYLES", new String[] {""});
        p.put("SRS", new String[] {"EPSG:" + layer.srid()});
        p.put("BBOX", new String[] {String.format(Locale.ROOT, "%.1f,%.1f,%.1f,%.1f", box[0], box[1], box[2], box[3])});
        p.put("WIDTH", new String[] {String.valueOf(width)});
        p.put("HEIGHT", new String[] {String.valueOf(height)});
        p.put("FORMAT", new String[] {"image/png"});
        if (time != null) {
            p.put("TIME", new String[] {time});
        }
        OgcResponse r = ogc(viewer, territory, p);
        try {
            BufferedImage img = r.status() == 200 && r.contentType().startsWith("image/") ? ImageIO.read(new ByteArrayInputStream(r.body())) : null;
            if (img == null) {
                throw new IllegalStateException("MapServer lieferte keine Karte / no map from MapServer: " + new String(r.body(),
                        java.nio.charset.StandardCharsets.UTF_8).substring(0, Math.min(300, r.body().length)));
            }
            return Images.opaque(img);
        } catch (IOException e) {
            throw new IllegalStateException("Karte nicht lesbar / map image unreadable", e);
        }
    }

    /** The unit polygons of an outline layer from the WFS, by unit code, in the layer's coordinates. */
    private Map<String, Path2D> outlines(Viewer viewer, String territory, LayerDef layer) {
        return outlines.computeIfAbsent(AtlasReader.audience(viewer, territory) + ":" + layer.name(), k -> {
            Map<String, String[]> p = new HashMap<>();
            p.put("SERVICE", new String[] {"WFS"});
            p.put("VERSION", new String[] {"2.0.0"});
            p.put("REQUEST", new String[] {"GetFeature"});
            p.put("TYPENAMES", new String[] {"atlas:" + layer.name()});
            p.put("SRSNAME", new String[] {"EPSG:" + layer.srid()});
            p.put("OUTPUTFORMAT", new String[] {"geojson"});
            OgcResponse r = ogc(viewer, territory, p);
            Map<String, Path2D> out = new HashMap<>();
            try {
                for (JsonNode f : json.readTree(r.body()).path("features")) {
                    out.put(f.path("properties").path("code").asText(), path(f.path("geometry")));
                }
            } catch (IOException e) {
                throw new IllegalStateException("Umrisse nicht lesbar / outlines unreadable", e);
            }
            return out;
        });
    }

    private static Path2D path(JsonNode geometry) {
        Path2D.Double p = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        JsonNode polys = "Polygon".equals(geometry.path("type").asText())
                ? new ObjectMapper().createArrayNode().add(geometry.path("coordinates")) : geometry.path("coordinates");
        for (JsonNode poly : polys) {
            for (JsonNode ring : poly) {
                boolean first = true;
                for (JsonNode c : ring) {
                    if (first) {
                        p.moveTo(c.get(0).asDouble(), c.get(1).asDouble());
                        first = false;
                    } else {
                        p.lineTo(c.get(0).asDouble(), c.get(1).asDouble());
                    }
                }
                p.closePath();
            }
        }
        return p;
    }

    /** The one call into the OGC service, as the viewer: a report shows what the viewer's WMS shows. */
    private OgcResponse ogc(Viewer viewer, String territory, Map<String, String[]> params) {
        return ogc.handle(viewer, territory, params, null, "http://localhost/" + territory + "/ows?");
    }

    /** The extent with a small margin, widened to the image's aspect ratio so the map is not distorted. */
    static double[] fit(double[] e, int width, int height) {
        double w = (e[2] - e[0]) * 1.04;
        double h = (e[3] - e[1]) * 1.04;
        double cx = (e[0] + e[2]) / 2;
        double cy = (e[1] + e[3]) / 2;
        double aspect = (double) width / height;
        if (w / h > aspect) {
            h = w / aspect;
        } else {
            w = h * aspect;
        }
        return new double[] {cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2};
    }

    private Map<String, LayerDef> layers(Viewer viewer, String territory) {
        Audience audience = AtlasReader.audience(viewer, territory);
        long g = generation();
        if (g != generation) {
            layers.clear();
            outlines.clear();
            generation = g;
        }
        return layers.computeIfAbsent(audience + ":" + territory, k -> {
            try {
                Map<String, LayerDef> m = new HashMap<>();
                for (LayerDef l : catalog.layers(territory, audience)) {
                    m.put(l.name(), l);
                }
                return m;
            } catch (SQLException e) {
                throw new IllegalStateException("Kartenebenen nicht lesbar / layers unreadable", e);
            }
        });
    }

    /** A number that changes whenever catalogue, boundaries, values or publication change; the views are brought up to date first. */
    public long generation() {
        try {
            return views.ensureFresh();
        } catch (SQLException e) {
            throw new IllegalStateException("Datenbank nicht erreichbar / database unavailable", e);
        }
    }

    /** For callers that need the classes of a layer without drawing it. */
    public Optional<Classification> classification(Viewer viewer, String territory, String indicator, String level) {
        return layer(viewer, territory, indicator, level).map(LayerDef::classification);
    }

}
