package de.chancenatlas.reports;

import de.chancenatlas.core.text.GermanFormat;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;

/**
 * The report charts, drawn with Java2D in the map's class colours and the report font, at any
 * resolution (sizes are given in points, 1/72 inch, and scaled to the dpi).
 */
public final class Charts {
    private static final Font BASE = loadFont();
    private static final Color AXIS = new Color(90, 90, 90);
    private static final Color GRID = new Color(225, 225, 225);
    /** Line colours of the time series: the territory in the brand colour, then distinguishable hues (ColorBrewer Dark2). */
    private static final List<Color> SERIES = List.of(new Color(0x1b9e77), new Color(0xd95f02), new Color(0x7570b3),
            new Color(0xe7298a), new Color(0x66a61e), new Color(0xe6ab02), new Color(0xa6761d));

    private Charts() {
    }

    /** One bar of the ranking: label, value (null: none), colour. */
    public record Bar(String label, Double value, Color colour) { }

    /** One line of a time series: label, values per period (null gaps), colour (null: next of the palette). */
    public record Series(String label, List<Double> values, Color colour, boolean emphasised) { }

    private static Font loadFont() {
        try (InputStream in = Charts.class.getResourceAsStream("/de/chancenatlas/reports/fonts/DejaVuSans.ttf")) {
            return in == null ? new Font(Font.SANS_SERIF, Font.PLAIN, 1) : Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (Exception e) {
            return new Font(Font.SANS_SERIF, Font.PLAIN, 1);
        }
    }

    private static Graphics2D canvas(BufferedImage img, double scale) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.scale(scale, scale);
        return g;
    }

    /** Height in points a ranking of n bars needs. */
    public static double rankingHeight(int n) {
        return Math.max(80, 24 + n * 9.0);
    }

    /**
     * Horizontal bars, highest first, each in its class colour, with the territory value as a dashed
     * reference line.
     */
    public static BufferedImage ranking(List<Bar> bars, Double reference, String referenceLabel, int decimals, double widthPt, int dpi) {
        double heightPt = rankingHeight(bars.size());
        double scale = dpi / 72.0;
        BufferedImage img = new BufferedImage((int) Math.round(widthPt * scale), (int) Math.round(heightPt * scale), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img, scale);
        Font small = BASE.deriveFont(6.5f);
        g.setFont(small);
        FontMetrics fm = g.getFontMetrics();
        double labelW = 0;
        for (Bar b : bars) {
            labelW = Math.max(labelW, fm.stringWidth(b.label()));
        }
        labelW = Math.min(labelW + 4, widthPt * 0.35);
        double valueW = 40;
        double x0 = labelW;
        double plotW = widthPt - labelW - valueW;
        double max = bars.stream().filter(b -> b.value() != null).mapToDouble(Bar::value).max().orElse(1);
        double min = Math.min(0, bars.stream().filter(b -> b.value() != null).mapToDouble(Bar::value).min().orElse(0));
        if (reference != null) {
            max = Math.max(max, reference);
        }
        double range = max - min == 0 ? 1 : max - min;
        double top = 16;
        double row = 9;
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double y = top + i * row;
            g.setColor(Color.BLACK);
            g.drawString(fit(b.label(), fm, labelW - 4), 0f, (float) (y + 6.5));
            if (b.value() != null) {
                double x1 = x0 + (Math.min(0, b.value()) - min) / range * plotW;
                double w = Math.abs(b.value()) / range * plotW;
                g.setColor(b.colour());
                g.fill(new Rectangle2D.Double(x1, y + 1, Math.max(w, 0.5), row - 2));
                g.setColor(new Color(120, 120, 120));
                g.setStroke(new BasicStroke(0.3f));
                g.draw(new Rectangle2D.Double(x1, y + 1, Math.max(w, 0.5), row - 2));
                g.setColor(Color.BLACK);
                g.drawString(GermanFormat.format(BigDecimal.valueOf(b.value()), decimals), (float) (x1 + w + 2), (float) (y + 6.5));
            } else {
                g.setColor(AXIS);
                g.drawString("–", (float) (x0 + 2), (float) (y + 6.5));
            }
        }
        if (reference != null) {
            double xr = x0 + (reference - min) / range * plotW;
            g.setColor(new Color(200, 0, 0));
            g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 2f}, 0f));
            g.draw(new Line2D.Double(xr, top - 4, xr, top + bars.size() * row));
            g.setFont(small);
            String text = referenceLabel + ": " + GermanFormat.format(BigDecimal.valueOf(reference), decimals);
            float tx = (float) Math.min(xr + 2, widthPt - fm.stringWidth(text) - 1);
            g.drawString(text, tx, (float) (top - 6));
        }
        g.dispose();
        return img;
    }

    /** Lines over the periods (labelled by their keys: 2015, 2015-H1, 2023/24); the emphasised series (the territory) drawn thicker. */
    public static BufferedImage timeSeries(List<String> periods, List<Series> series, int decimals, double widthPt, double heightPt, int dpi) {
        double scale = dpi / 72.0;
        BufferedImage img = new BufferedImage((int) Math.round(widthPt * scale), (int) Math.round(heightPt * scale), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img, scale);
        Font small = BASE.deriveFont(6.5f);
        g.setFont(small);
        FontMetrics fm = g.getFontMetrics();
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (Series s : series) {
            for (Double v : s.values()) {
                if (v != null) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (min == Double.MAX_VALUE) {
            min = 0;
            max = 1;
        }
        if (max == min) {
            max = min + 1;
        }
        double pad = (max - min) * 0.08;
        min -= pad;
        max += pad;
        double legendH = series.size() > 1 ? 10 * Math.ceil(series.size() / 3.0) + 2 : 0;
        double left = 38;
        double right = 8;
        double top = 6;
        double bottom = 14 + legendH;
        double plotW = widthPt - left - right;
        double plotH = heightPt - top - bottom;
        int ticks = 4;
        for (int i = 0; i <= ticks; i++) {
            double v = min + (max - min) * i / ticks;
            double y = top + plotH - plotH * i / ticks;
            g.setColor(GRID);
            g.setStroke(new BasicStroke(0.4f));
            g.draw(new Line2D.Double(left, y, left + plotW, y));
            g.setColor(AXIS);
            String t = GermanFormat.format(BigDecimal.valueOf(v), decimals);
            g.drawString(t, (float) (left - 3 - fm.stringWidth(t)), (float) (y + 2.3));
        }
        int n = periods.size();
        int step = Math.max(1, (int) Math.ceil(n / (plotW / 22)));
        for (int i = 0; i < n; i++) {
            double x = n == 1 ? left + plotW / 2 : left + plotW * i / (n - 1);
            if (i % step == 0 || i == n - 1) {
                g.setColor(AXIS);
                String t = String.valueOf(periods.get(i));
                g.drawString(t, (float) (x - fm.stringWidth(t) / 2.0), (float) (top + plotH + 9));
            }
        }
        int next = 0;
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            Color c = s.colour() != null ? s.colour() : SERIES.get(next++ % SERIES.size());
            g.setColor(c);
            g.setStroke(new BasicStroke(s.emphasised() ? 1.8f : 0.9f));
            Path2D.Double line = new Path2D.Double();
            boolean pen = false;
            for (int i = 0; i < n; i++) {
                Double v = i < s.values().size() ? s.values().get(i) : null;
                if (v == null) {
                    pen = false;
                    continue;
                }
                double x = n == 1 ? left + plotW / 2 : left + plotW * i / (n - 1);
                double y = top + plotH - (v - min) / (max - min) * plotH;
                if (pen) {
                    line.lineTo(x, y);
                } else {
                    line.moveTo(x, y);
                    pen = true;
                }
                g.fill(new java.awt.geom.Ellipse2D.Double(x - 1, y - 1, 2, 2));
            }
            g.draw(line);
            if (series.size() > 1) {
                double lx = left + (k % 3) * plotW / 3;
                double ly = heightPt - legendH + 8 + (k / 3) * 10;
                g.fill(new Rectangle2D.Double(lx, ly - 4, 8, 3));
                g.setColor(Color.BLACK);
                g.drawString(fit(s.label(), fm, plotW / 3 - 14), (float) (lx + 11), (float) ly);
            }
        }
        g.dispose();
        return img;
    }

    /**
     * A small chart without axes for table cells: the unit's line (thick, in the brand colour) over
     * the territory's (thin, grey), on a shared scale.
     */
    public static BufferedImage sparkline(List<Double> unit, List<Double> territory, Color colour, double widthPt, double heightPt, int dpi) {
        double scale = dpi / 72.0;
        BufferedImage img = new BufferedImage((int) Math.round(widthPt * scale), (int) Math.round(heightPt * scale), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img, scale);
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (List<Double> l : List.of(unit, territory)) {
            for (Double v : l) {
                if (v != null) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (min != Double.MAX_VALUE) {
            if (max == min) {
                max = min + 1;
                min = min - 1;
            }
            line(g, territory, min, max, widthPt, heightPt, new Color(150, 150, 150), 0.7f);
            line(g, unit, min, max, widthPt, heightPt, colour, 1.4f);
        }
        g.dispose();
        return img;
    }

    private static void line(Graphics2D g, List<Double> values, double min, double max, double w, double h, Color c, float width) {
        int n = values.size();
        Path2D.Double p = new Path2D.Double();
        boolean pen = false;
        for (int i = 0; i < n; i++) {
            Double v = values.get(i);
            if (v == null) {
                pen = false;
                continue;
            }
            double x = 2 + (n == 1 ? (w - 4) / 2 : (w - 4) * i / (n - 1));
            double y = h - 2 - (v - min) / (max - min) * (h - 4);
            if (pen) {
                p.lineTo(x, y);
            } else {
                p.moveTo(x, y);
                pen = true;
            }
        }
        g.setColor(c);
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(p);
    }

    private static String fit(String s, FontMetrics fm, double width) {
        if (fm.stringWidth(s) <= width) {
            return s;
        }
        String t = s;
        while (t.length() > 1 && fm.stringWidth(t + "…") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }
}
