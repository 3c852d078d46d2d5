package de.chancenatlas.reports;

import de.chancenatlas.core.read.AtlasReader;
import de.chancenatlas.core.read.Viewer;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/** The Vergleich: two to five units side by side across chosen indicators (all the viewer may read when none are named). */
final class ComparisonReport {
    static final int MIN_UNITS = 2;
    static final int MAX_UNITS = 5;

    private final ReportService s;
    private final Viewer viewer;
    private final Texts texts;

    ComparisonReport(ReportService s, Viewer viewer, Texts texts) {
        this.s = s;
        this.viewer = viewer;
        this.texts = texts;
    }

    Rendered render(String territory, List<String> unitCodes, List<String> indicatorKeys, String period, ReportFormat format,
                    ReportService.Options options) throws SQLException {
        List<String> codes = new ArrayList<>(new LinkedHashSet<>(unitCodes == null ? List.of() : unitCodes));
        if (codes.size() < MIN_UNITS || codes.size() > MAX_UNITS) {
            throw new ReportProblem.BadRequest("Zwei bis fünf Gebiete angeben (units=a,b) / name two to five units");
        }
        AreaData area = s.area(viewer, territory);
        List<AtlasReader.Unit> units = new ArrayList<>();
        for (String c : codes) {
            units.add(area.unit(c));
        }
        List<AtlasReader.Indicator> indicators = new ArrayList<>();
        if (indicatorKeys == null || indicatorKeys.isEmpty()) {
            indicators.addAll(area.indicators);
        } else {
            for (String k : new LinkedHashSet<>(indicatorKeys)) {
                indicators.add(area.indicator(k));
            }
        }
        JasperPrint print = fill(area, units, indicators, period);
        String file = ReportService.fileName(territory, "vergleich", String.join("-", codes), period == null ? "aktuell" : String.valueOf(period));
        if (format.isImage()) {
            String part = options.part() == null ? "page" : options.part();
            if (!part.equals("page") && !part.equals("table")) {
                throw new ReportProblem.BadRequest("Teil „" + part + "“ unbekannt (page, table) / unknown part");
            }
            if (options.page() > print.getPages().size()) {
                throw new ReportProblem.BadRequest("Seite / page " + options.page() + " > " + print.getPages().size());
            }
            return new Rendered(Images.encode(Exporter.page(print, options.page() - 1, options.dpi()), format == ReportFormat.JPG, options.dpi()),
                    format.contentType(), file + "_" + part + "." + format.extension());
        }
        byte[] body = switch (format) {
            case PDF -> Exporter.pdf(print, title(units), area.territory.name(), subtitle(area, period), texts.language());
            case DOCX -> Exporter.docx(print);
            default -> spreadsheet(area, units, indicators, period);
        };
        return new Rendered(body, format.contentType(), file + "." + format.extension());
    }

    private byte[] spreadsheet(AreaData area, List<AtlasReader.Unit> units, List<AtlasReader.Indicator> indicators, String period)
            throws SQLException {
        List<String> columns = new ArrayList<>(List.of(texts.get("col.indicator"), texts.get("label.unit"), texts.get("col.period")));
        units.forEach(u -> columns.add(u.name()));
        columns.add(area.totalName);
        List<List<Object>> rows = new ArrayList<>();
        for (AtlasReader.Indicator ind : indicators) {
            AtlasReader.Period p = AreaData.period(ind, period);
            List<Object> r = new ArrayList<>(List.of(ind.title(), ind.unitLabel() == null ? "" : ind.unitLabel(), texts.period(p)));
            for (AtlasReader.Unit u : units) {
                r.add(Spreadsheet.cell(area.value(ind, u.code(), p), ind.decimals()));
            }
            r.add(Spreadsheet.cell(area.value(ind, area.totalCode, p), ind.decimals()));
            rows.add(r);
        }
        return Spreadsheet.write(texts.get("report.comparison"), List.of(title(units), subtitle(area, period)), columns, rows,
                new IndicatorReport(s, viewer, texts).plainNotes(area.territory, indicators));
    }

    private String title(List<AtlasReader.Unit> units) {
        return texts.get("report.comparison") + ": " + String.join(", ", units.stream().map(AtlasReader.Unit::name).toList());
    }

    private String subtitle(AreaData area, String period) {
        return texts.get("subtitle.comparison", area.territory.name(), period == null ? "" : String.valueOf(period)).replaceAll(" · $", "");
    }

    private JasperPrint fill(AreaData area, List<AtlasReader.Unit> units, List<AtlasReader.Indicator> indicators, String period)
            throws SQLException {
        Map<String, List<Map<String, ?>>> themes = new LinkedHashMap<>();
        AtlasReader.Period latest = null;   // the data status: the latest Stichtag shown
        for (AtlasReader.Indicator ind : indicators) {
            AtlasReader.Period p = AreaData.period(ind, period);
            if (p != null && (latest == null || p.stichtag().compareTo(latest.stichtag()) > 0)) {
                latest = p;
            }
            Map<String, Object> r = new HashMap<>();
            String unitLabel = ind.unitLabel() == null || "Anzahl".equals(ind.unitLabel()) ? "" : " (" + ind.unitLabel() + ")";
            r.put("title", ind.title() + unitLabel + (p == null ? "" : ", " + texts.period(p)));
            for (int k = 0; k < MAX_UNITS; k++) {
                r.put("v" + (k + 1), k < units.size() ? ValueText.of(area.value(ind, units.get(k).code(), p)) : "");
            }
            r.put("total", ValueText.of(area.value(ind, area.totalCode, p)));
            themes.computeIfAbsent(ind.themeTitle(), k -> new ArrayList<>()).add(r);
        }
        List<Map<String, ?>> blocks = new ArrayList<>();
        themes.forEach((theme, rows) -> blocks.add(Map.of("theme", theme, "rows", rows)));
        Map<String, Object> p = s.common(area.territory, texts, title(units), subtitle(area, period),
                latest == null ? "–" : ReportService.dataStatus(latest));
        p.put("N", units.size());
        for (int k = 0; k < MAX_UNITS; k++) {
            p.put("U" + (k + 1), k < units.size() ? units.get(k).name() : "");
        }
        p.put("TERRITORY_LABEL", area.totalName);
        p.put("FOOTNOTES", new IndicatorReport(s, viewer, texts).footnotes(area.territory, indicators, null));
        return s.fill("comparison-report", p, new JRMapCollectionDataSource(new ArrayList<>(blocks)));
    }
}
