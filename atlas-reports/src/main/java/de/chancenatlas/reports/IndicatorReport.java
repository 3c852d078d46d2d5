package de.chancenatlas.reports;

import de.chancenatlas.core.read.AtlasReader;
import de.chancenatlas.core.read.Viewer;
import de.chancenatlas.core.style.Classification;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/** The Indikatorbericht: one indicator on one level in one period, with map, ranking, table and time series. */
final class IndicatorReport {
    /** Size of the map in the PDF, in points, and the resolution of images in documents. */
    private static final int MAP_PT = 360;
    static final int DOC_DPI = 200;

    private final ReportService s;
    private final Viewer viewer;
    private final Texts texts;

    IndicatorReport(ReportService s, Viewer viewer, Texts texts) {
        this.s = s;
        this.viewer = viewer;
        this.texts = texts;
    }

    /** Everything the report shows, read once. */
    record Data(AtlasReader.Territory territory, AtlasReader.Indicator indicator, AtlasReader.Level level, AtlasReader.Period period,
                List<AtlasReader.Unit> units, Map<String, AtlasReader.Value> now, AtlasReader.Value total, String totalName,
                Map<String, Map<String, AtlasReader.Value>> byUnit, Classification classes) { }

    Data load(String territory, String key, String levelKey, String period) throws SQLException {
        AtlasReader.Territory t = s.territory(viewer, territory);
        AtlasReader.Indicator ind = s.reader.indicator(viewer, territory, key)
                .orElseThrow(() -> new ReportProblem.NotFound("Indikator / indicator " + key));
        List<AtlasReader.Level> levels = s.reader.levels(viewer, territory);
        if (levels.isEmpty()) {
            throw new ReportProblem.NotFound("Ebenen / levels of " + territory);
        }
        AtlasReader.Level top = levels.get(0);
        AtlasReader.Level level = levelKey == null
                ? levels.stream().filter(l -> "polygon".equals(l.geometryKind())).reduce((a, b) -> b).orElse(levels.get(levels.size() - 1))
                : levels.stream().filter(l -> l.key().equals(levelKey)).findFirst()
                        .orElseThrow(() -> new ReportProblem.NotFound("Ebene / level " + levelKey));
        if (ind.periods().isEmpty()) {
            throw new ReportProblem.NotFound("Werte / values of " + key);
        }
        AtlasReader.Period p;
        try {
            p = period == null ? ind.latest() : ind.period(period);
        } catch (IllegalArgumentException e) {
            throw new ReportProblem.BadRequest(e.getMessage());
        }
        if (!ind.periods().contains(p)) {
            throw new ReportProblem.NotFound("Zeitraum / period " + period + " (" + texts.period(ind.periods().get(0)) + " – "
                    + texts.period(ind.latest()) + ")");
        }
        List<AtlasReader.Value> all = s.reader.values(viewer, territory, key, null, null)
                .orElseThrow(() -> new ReportProblem.NotFound("Indikator / indicator " + key));
        java.time.LocalDate on = java.time.LocalDate.parse(p.stichtag());
        List<AtlasReader.Unit> units = s.reader.unitsOn(viewer, territory, level.key(), on);
        List<AtlasReader.Unit> tops = s.reader.unitsOn(viewer, territory, top.key(), on);
        Map<String, Map<String, AtlasReader.Value>> byUnit = new HashMap<>();
        for (AtlasReader.Value v : all) {
            byUnit.computeIfAbsent(v.unitCode(), c -> new HashMap<>()).put(v.period(), v);
        }
        Map<String, AtlasReader.Value> now = new LinkedHashMap<>();
        for (AtlasReader.Unit u : units) {
            now.put(u.code(), byUnit.getOrDefault(u.code(), Map.of()).get(p.period()));
        }
        String totalCode = tops.isEmpty() ? null : tops.get(0).code();
        AtlasReader.Value total = totalCode == null ? null : byUnit.getOrDefault(totalCode, Map.of()).get(p.period());
        String totalName = tops.isEmpty() ? t.name() : tops.get(0).name();
        // the map's classes; an indicator without a public layer is classed by the same rule over the same values
        Classification classes = s.maps.classification(viewer, territory, key, level.key()).orElseGet(() -> {
            Set<String> codes = units.stream().map(AtlasReader.Unit::code).collect(Collectors.toSet());
            double[] values = all.stream().filter(v -> codes.contains(v.unitCode()) && v.value() != null)
                    .mapToDouble(v -> v.value().doubleValue()).toArray();
            return Classification.of(values, ind.classification(), ind.polarity(), ind.decimals(), ind.unitLabel());
        });
        return new Data(t, ind, level, p, units, now, total, totalName, byUnit, classes);
    }

    Rendered render(String territory, String key, String level, String period, ReportFormat format, ReportService.Options o)
            throws SQLException {
        Data d = load(territory, key, level, period);
        String file = ReportService.fileName(territory, "indikatorbericht", key, d.level().key(), d.period().period());
        switch (format) {
            case PDF -> {
                return new Rendered(Exporter.pdf(fillReport(d, DOC_DPI), title(d), d.territory().name(), subtitle(d), texts.language()),
                        format.contentType(), file + ".pdf");
            }
            case DOCX -> {
                return new Rendered(Exporter.docx(fillReport(d, DOC_DPI)), format.contentType(), file + ".docx");
            }
            case XLSX -> {
                return new Rendered(spreadsheet(d), format.contentType(), file + ".xlsx");
            }
            default -> {
                String part = o.part() == null ? "map" : o.part();
                BufferedImage img = switch (part) {
                    case "map" -> map(d, Images.pixels(16, o.dpi()));
                    case "ranking" -> ranking(d, 453, o.dpi());
                    case "timeseries" -> timeSeries(d, 453, 200, o.dpi());
                    case "table" -> Exporter.page(fillTable(d), 0, o.dpi());
                    case "page" -> {
                        var print = fillReport(d, o.dpi());
                        if (o.page() > print.getPages().size()) {
                            throw new ReportProblem.BadRequest("Seite / page " + o.page() + " > " + print.getPages().size());
                        }
                        yield Exporter.page(print, o.page() - 1, o.dpi());
                    }
                    default -> throw new ReportProblem.BadRequest("Teil „" + part + "“ unbekannt (map, ranking, timeseries, table, page) / unknown part");
                };
                if (img == null) {
                    throw new ReportProblem.NotFound("Karte / map: " + texts.get("map.unavailable"));
                }
                return new Rendered(Images.encode(img, format == ReportFormat.JPG, o.dpi()), format.contentType(),
                        file + "_" + part + "." + format.extension());
            }
        }
    }

    String title(Data d) {
        return texts.get("report.indicator") + ": " + d.indicator().title();
    }

    String subtitle(Data d) {
        return texts.get("subtitle.indicator", d.territory().name(), d.level().namePlural() == null ? d.level().name() : d.level().namePlural(),
                texts.period(d.period()));
    }

    net.sf.jasperreports.engine.JasperPrint fillReport(Data d, int dpi) {
        Map<String, Object> p = s.common(d.territory(), texts, title(d), subtitle(d), ReportService.dataStatus(d.period()));
        AtlasReader.Indicator ind = d.indicator();
        p.put("UNIT_TABLE", s.templates.get("unit-table"));
        p.putAll(tableParams(d));
        p.put("INDICATOR_TITLE", ind.title());
        p.put("DESCRIPTION", description(ind));
        BufferedImage map = map(d, Images.pixels(MAP_PT / 72.0 * 2.54, dpi));
        p.put("MAP", map);
        String levelName = d.level().namePlural() == null ? d.level().name() : d.level().namePlural();
        p.put("MAP_ALT", texts.get("map.alt", ind.title(), levelName, texts.period(d.period()), String.valueOf(d.classes().classes())));
        p.put("MAP_NOTE", texts.get("map.unavailable"));
        p.put("LEGEND", legend(d));
        p.put("RANKING", ranking(d, 515, dpi));
        p.put("RANKING_LARGE", Charts.rankingHeight(d.units().size()) > 240);
        p.put("RANKING_ALT", texts.get("ranking.alt", ind.title(), levelName, texts.period(d.period()), ValueText.of(d.total())));
        p.put("TIMESERIES", timeSeries(d, 515, 200, dpi));
        p.put("TIMESERIES_ALT", texts.get("timeseries.alt", ind.title(), texts.period(ind.periods().get(0)),
                texts.period(ind.latest()), String.join(", ", seriesNames(d))));
        p.put("FOOTNOTES", footnotes(d.territory(), List.of(ind), d.classes()));
        return s.fill("indicator-report", p, null);
    }

    net.sf.jasperreports.engine.JasperPrint fillTable(Data d) {
        Map<String, Object> p = s.common(d.territory(), texts, title(d), subtitle(d), ReportService.dataStatus(d.period()));
        p.putAll(tableParams(d));
        return s.fill("unit-table", p, null);
    }

    private Map<String, Object> tableParams(Data d) {
        AtlasReader.Indicator ind = d.indicator();
        boolean counts = showCounts(d);
        Map<String, Object> p = new HashMap<>();
        p.put("ROWS", new JRMapCollectionDataSource(new ArrayList<>(rows(d))));
        p.put("VALUE_LABEL", texts.get("col.value") + (ind.unitLabel() == null ? "" : " (" + ind.unitLabel() + ")"));
        p.put("NUMERATOR_LABEL", ind.numeratorLabel());
        p.put("DENOMINATOR_LABEL", ind.denominatorLabel());
        p.put("SHOW_COUNTS", counts);
        p.put("UNIT_LABEL", ind.unitLabel());
        return p;
    }

    /** The table as a spreadsheet: the same rows, values as numbers. */
    byte[] spreadsheet(Data d) {
        AtlasReader.Indicator ind = d.indicator();
        boolean counts = showCounts(d);
        List<String> columns = new ArrayList<>(List.of(texts.get("col.code"), texts.get("col.unit"), (String) tableParams(d).get("VALUE_LABEL")));
        if (counts) {
            columns.add(ind.numeratorLabel());
            columns.add(ind.denominatorLabel());
        }
        columns.add(texts.get("col.deviation"));
        columns.add(texts.get("col.class"));
        List<List<Object>> rows = new ArrayList<>();
        rows.add(sheetRow("", d.totalName(), d.total(), null, d, counts));
        for (AtlasReader.Unit u : d.units()) {
            rows.add(sheetRow(u.code(), u.name(), d.now().get(u.code()), d.total(), d, counts));
        }
        return Spreadsheet.write(texts.get("section.table"), List.of(title(d), subtitle(d),
                texts.get("status.line", ReportService.dataStatus(d.period()), java.time.LocalDate.now().format(
                        java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")))), columns, rows, plainNotes(d.territory(), List.of(ind)));
    }

    private List<Object> sheetRow(String code, String name, AtlasReader.Value v, AtlasReader.Value total, Data d, boolean counts) {
        List<Object> r = new ArrayList<>(List.of(code, name, Spreadsheet.cell(v, d.indicator().decimals())));
        if (counts) {
            r.add(v == null ? "" : Spreadsheet.count(v.numerator()));
            r.add(v == null ? "" : Spreadsheet.count(v.denominator()));
        }
        r.add(v != null && v.value() != null && total != null && total.value() != null
                ? new Spreadsheet.Num(v.value().subtract(total.value()), d.indicator().decimals()) : "");
        r.add(className(v, d.classes()));
        return r;
    }

    /** Footnote and sources as plain lines (spreadsheets). */
    List<String> plainNotes(AtlasReader.Territory t, List<AtlasReader.Indicator> indicators) {
        Set<String> sources = new java.util.LinkedHashSet<>();
        indicators.stream().map(AtlasReader.Indicator::source).filter(java.util.Objects::nonNull).forEach(sources::add);
        if (t.attribution() != null) {
            sources.add(t.attribution());
        }
        return List.of(disclosureFootnote(t, texts), texts.get("footnote.sources") + ": " + String.join("; ", sources));
    }

    private boolean showCounts(Data d) {
        AtlasReader.Indicator ind = d.indicator();
        return "ratio".equals(ind.kind()) && ind.numeratorLabel() != null
                && d.now().values().stream().anyMatch(v -> v != null && v.numerator() != null);
    }

    /** Table rows: the territory total first (bold), then every unit by code. */
    List<Map<String, ?>> rows(Data d) {
        List<Map<String, ?>> rows = new ArrayList<>();
        rows.add(row("", d.totalName(), d.total(), null, d, true));
        for (AtlasReader.Unit u : d.units()) {
            rows.add(row(u.code(), u.name(), d.now().get(u.code()), d.total(), d, false));
        }
        return rows;
    }

    private Map<String, Object> row(String code, String name, AtlasReader.Value v, AtlasReader.Value total, Data d, boolean emphasised) {
        Map<String, Object> r = new HashMap<>();
        r.put("code", code);
        r.put("name", name);
        r.put("value", ValueText.of(v));
        r.put("numerator", v == null ? "" : ValueText.count(v.numerator()));
        r.put("denominator", v == null ? "" : ValueText.count(v.denominator()));
        r.put("deviation", v != null && v.value() != null && total != null && total.value() != null
                ? ValueText.difference(v.value().subtract(total.value()), d.indicator().decimals()) : "");
        r.put("className", className(v, d.classes()));
        r.put("emphasised", emphasised);
        return r;
    }

    private String className(AtlasReader.Value v, Classification c) {
        if (ValueText.withheld(v)) {
            return texts.get("class.suppressed");
        }
        if (v == null || v.value() == null) {
            return texts.get("class.none");
        }
        int k = c.classOf(v.value().doubleValue());
        return k == 0 ? "" : k + ": " + c.labels().get(k - 1);
    }

    private List<Map<String, ?>> legend(Data d) {
        List<Map<String, ?>> out = new ArrayList<>();
        Classification c = d.classes();
        String unit = d.indicator().unitLabel() == null ? "" : " " + d.indicator().unitLabel();
        for (int i = 0; i < c.classes(); i++) {
            out.add(Map.of("colour", c.colours().get(i), "label", c.labels().get(i) + unit));
        }
        out.add(Map.of("colour", Classification.SUPPRESSED_COLOUR, "label", texts.get("class.suppressed") + " (" + ValueText.WITHHELD + ")"));
        out.add(Map.of("colour", Classification.NO_DATA_COLOUR, "label", texts.get("class.none") + " (" + ValueText.NONE + ")"));
        return out;
    }

    /** The choropleth from MapServer as the viewer's WMS draws it, null when the viewer has no layer for it. */
    BufferedImage map(Data d, int px) {
        return s.maps.choropleth(viewer, d.territory().key(), d.indicator().key(), d.level().key(), d.period().stichtag(), px, px)
                .map(MapImages.MapImage::image).orElse(null);
    }

    BufferedImage ranking(Data d, double widthPt, int dpi) {
        List<Charts.Bar> bars = new ArrayList<>();
        for (AtlasReader.Unit u : d.units()) {
            AtlasReader.Value v = d.now().get(u.code());
            Double value = v == null || v.value() == null ? null : v.value().doubleValue();
            Color colour = value == null ? Color.LIGHT_GRAY : Color.decode(d.classes().colours().get(Math.max(1, d.classes().classOf(value)) - 1));
            bars.add(new Charts.Bar(u.name(), value, colour));
        }
        bars.sort(Comparator.comparing((Charts.Bar b) -> b.value() == null ? Double.NEGATIVE_INFINITY : b.value()).reversed());
        Double ref = d.total() == null || d.total().value() == null ? null : d.total().value().doubleValue();
        return Charts.ranking(bars, ref, d.totalName(), d.indicator().decimals(), widthPt, dpi);
    }

    /** The units with the highest and lowest values in the period, two each. */
    private List<AtlasReader.Unit> extremes(Data d) {
        List<AtlasReader.Unit> valued = d.units().stream().filter(u -> d.now().get(u.code()) != null && d.now().get(u.code()).value() != null)
                .sorted(Comparator.comparing((AtlasReader.Unit u) -> d.now().get(u.code()).value()).reversed()).toList();
        if (valued.size() <= 4) {
            return valued;
        }
        return List.of(valued.get(0), valued.get(1), valued.get(valued.size() - 2), valued.get(valued.size() - 1));
    }

    private List<String> seriesNames(Data d) {
        List<String> names = new ArrayList<>(List.of(d.totalName()));
        extremes(d).forEach(u -> names.add(u.name()));
        return names;
    }

    BufferedImage timeSeries(Data d, double widthPt, double heightPt, int dpi) {
        List<String> periods = d.indicator().periodKeys();
        List<Charts.Series> series = new ArrayList<>();
        String totalCode = d.total() == null ? null : d.total().unitCode();
        series.add(new Charts.Series(d.totalName(), values(d, totalCode, periods), s.branding(d.territory()).colour(), true));
        for (AtlasReader.Unit u : extremes(d)) {
            series.add(new Charts.Series(u.name(), values(d, u.code(), periods), null, false));
        }
        return Charts.timeSeries(periods, series, d.indicator().decimals(), widthPt, heightPt, dpi);
    }

    private static List<Double> values(Data d, String code, List<String> periods) {
        Map<String, AtlasReader.Value> m = code == null ? Map.of() : d.byUnit().getOrDefault(code, Map.of());
        List<Double> out = new ArrayList<>();
        for (String p : periods) {
            AtlasReader.Value v = m.get(p);
            out.add(v == null || v.value() == null ? null : v.value().doubleValue());
        }
        return out;
    }

    String description(AtlasReader.Indicator ind) {
        StringBuilder b = new StringBuilder();
        line(b, texts.get("label.definition"), ind.definition());
        line(b, texts.get("label.formula"), ind.formula());
        line(b, texts.get("label.unit"), ind.unitLabel());
        line(b, texts.get("label.interpretation"), ind.interpretation());
        line(b, texts.get("label.polarity"), texts.get("polarity." + (ind.polarity() == null ? "neutral" : ind.polarity())));
        line(b, texts.get("label.source"), ind.source());
        line(b, texts.get("label.update"), ind.updateCycle());
        return b.toString();
    }

    private static void line(StringBuilder b, String label, String text) {
        if (text != null && !text.isBlank()) {
            b.append(b.length() == 0 ? "" : "\n").append("<b>").append(ValueText.escape(label)).append(":</b> ").append(ValueText.escape(text));
        }
    }

    /** The disclosure footnote (territory setting disclosure.footnote, else the default), sources and classes. */
    String footnotes(AtlasReader.Territory t, List<AtlasReader.Indicator> indicators, Classification classes) {
        StringBuilder b = new StringBuilder(ValueText.escape(disclosureFootnote(t, texts)));
        Set<String> sources = new java.util.LinkedHashSet<>();
        indicators.forEach(i -> {
            if (i.source() != null) {
                sources.add(i.source());
            }
        });
        if (t.attribution() != null) {
            sources.add(t.attribution());
        }
        b.append("\n<b>").append(texts.get("footnote.sources")).append(":</b> ").append(ValueText.escape(String.join("; ", sources)));
        if (classes != null) {
            b.append("\n").append(ValueText.escape(texts.get("footnote.classes", classes.method().name().toLowerCase().replace('_', ' '))));
        }
        return b.toString();
    }

    @SuppressWarnings("unchecked")
    static String disclosureFootnote(AtlasReader.Territory t, Texts texts) {
        Object d = t.settings() == null ? null : t.settings().get("disclosure");
        if (d instanceof Map<?, ?> m && m.get("footnote") instanceof String f && !f.isBlank()) {
            return f;
        }
        return texts.get("footnote.suppressed");
    }

}
