package de.chancenatlas.reports;

import de.chancenatlas.core.read.AtlasReader;
import de.chancenatlas.core.read.Figures;
import de.chancenatlas.core.read.Viewer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * The Gebietsprofil (Steckbrief) of one unit: every indicator the viewer may read, grouped by
 * theme, with the unit's value against the territory and the parent unit, a trend arrow, a traffic
 * light by polarity and threshold, and a small time series.
 */
final class ProfileReport {
    /** Favourable and unfavourable in colours that colour-blind readers tell apart (ColorBrewer RdBu ends), plus the word. */
    private static final String GOOD = "#2166ac";
    private static final String BAD = "#b2182b";
    private static final String NEUTRAL = "#555555";

    private final ReportService s;
    private final Viewer viewer;
    private final Texts texts;
    private final ReportService.Options options;

    ProfileReport(ReportService s, Viewer viewer, Texts texts, ReportService.Options options) {
        this.s = s;
        this.viewer = viewer;
        this.texts = texts;
        this.options = options;
    }

    Rendered render(String territory, String unitCode, String period, ReportFormat format) throws SQLException {
        AreaData area = s.area(viewer, territory);
        AtlasReader.Unit unit = area.unit(unitCode);
        String file = ReportService.fileName(territory, "gebietsprofil", unitCode, period == null ? "aktuell" : String.valueOf(period));
        if (format.isImage()) {
            String part = options.part() == null ? "map" : options.part();
            BufferedImage img = switch (part) {
                case "map" -> locator(area, unit, Images.pixels(12, options.dpi()), Images.pixels(9, options.dpi()));
                case "page" -> {
                    JasperPrint print = fill(area, unit, period, options.dpi());
                    if (options.page() > print.getPages().size()) {
                        throw new ReportProblem.BadRequest("Seite / page " + options.page() + " > " + print.getPages().size());
                    }
                    yield Exporter.page(print, options.page() - 1, options.dpi());
                }
                default -> throw new ReportProblem.BadRequest("Teil „" + part + "“ unbekannt (map, page) / unknown part");
            };
            if (img == null) {
                throw new ReportProblem.NotFound("Lagekarte / locator map");
            }
            return new Rendered(Images.encode(img, format == ReportFormat.JPG, options.dpi()), format.contentType(),
                    file + "_" + part + "." + format.extension());
        }
        JasperPrint print = fill(area, unit, period, IndicatorReport.DOC_DPI);
        byte[] body = switch (format) {
            case PDF -> Exporter.pdf(print, title(unit), area.territory.name(), subtitle(area, unit, period), texts.language());
            case DOCX -> Exporter.docx(print);
            default -> spreadsheet(area, unit, period);
        };
        return new Rendered(body, format.contentType(), file + "." + format.extension());
    }

    String title(AtlasReader.Unit unit) {
        return texts.get("report.profile") + ": " + unit.name();
    }

    private String subtitle(AreaData area, AtlasReader.Unit unit, String period) {
        return texts.get("subtitle.profile", unit.name(), unit.code(), area.levelName(unit.level()))
                + (period == null ? "" : " · " + period);
    }

    JasperPrint fill(AreaData area, AtlasReader.Unit unit, String period, int dpi) throws SQLException {
        AtlasReader.Unit parent = unit.parentCode() == null ? null : area.units.get(unit.parentCode());
        Color brand = s.branding(area.territory).colour();
        Map<String, List<Map<String, ?>>> themes = new LinkedHashMap<>();
        AtlasReader.Period latest = null;   // the data status: the latest Stichtag shown
        for (AtlasReader.Indicator ind : area.indicators) {
            AtlasReader.Period p = AreaData.period(ind, period);
            if (p != null && (latest == null || p.stichtag().compareTo(latest.stichtag()) > 0)) {
                latest = p;
            }
            themes.computeIfAbsent(ind.themeTitle(), k -> new ArrayList<>()).add(row(area, ind, unit, parent, p, brand, dpi));
        }
        List<Map<String, ?>> blocks = new ArrayList<>();
        themes.forEach((theme, rows) -> blocks.add(Map.of("theme", theme, "rows", rows)));
        Map<String, Object> p = s.common(area.territory, texts, title(unit), subtitle(area, unit, period),
                latest == null ? "–" : ReportService.dataStatus(latest));
        p.put("LOCATOR", locator(area, unit, Images.pixels(200 / 72.0 * 2.54, dpi), Images.pixels(145 / 72.0 * 2.54, dpi)));
        p.put("LOCATOR_ALT", texts.get("locator.alt", unit.name(), levelPlural(area, unit.level())));
        p.put("UNIT_FACTS", facts(area, unit, parent));
        p.put("UNIT_NAME", unit.name());
        p.put("TERRITORY_LABEL", area.totalName);
        p.put("PARENT_LABEL", parent == null ? texts.get("col.parent") : parent.name());
        String threshold = ValueText.count(BigDecimal.valueOf(options.threshold() * 100));
        p.put("FOOTNOTES", ValueText.escape(texts.get("profile.legend", threshold)) + "\n"
                + new IndicatorReport(s, viewer, texts).footnotes(area.territory, area.indicators, null));
        return s.fill("profile-report", p, new JRMapCollectionDataSource(new ArrayList<>(blocks)));
    }

    /** The profile's rows as a spreadsheet: theme, indicator, period, unit, territory, parent, trend, assessment. */
    private byte[] spreadsheet(AreaData area, AtlasReader.Unit unit, String period) throws SQLException {
        AtlasReader.Unit parent = unit.parentCode() == null ? null : area.units.get(unit.parentCode());
        List<List<Object>> rows = new ArrayList<>();
        for (AtlasReader.Indicator ind : area.indicators) {
            AtlasReader.Period p = AreaData.period(ind, period);
            AtlasReader.Value v = area.value(ind, unit.code(), p);
            AtlasReader.Value total = area.value(ind, area.totalCode, p);
            rows.add(new ArrayList<>(List.of(ind.themeTitle(), ind.title(), ind.unitLabel() == null ? "" : ind.unitLabel(),
                    texts.period(p), Spreadsheet.cell(v, ind.decimals()), Spreadsheet.cell(total, ind.decimals()),
                    parent == null ? "" : Spreadsheet.cell(area.value(ind, parent.code(), p), ind.decimals()),
                    trend(area, ind, unit.code(), p), light(ind, v, total)[0])));
        }
        return Spreadsheet.write(texts.get("report.profile"), List.of(title(unit), subtitle(area, unit, period)),
                List.of(texts.get("col.theme"), texts.get("col.indicator"), texts.get("label.unit"),
                        texts.get("col.period"), unit.name(), area.totalName, parent == null ? texts.get("col.parent") : parent.name(), texts.get("col.trend"),
                        texts.get("col.assessment")),
                rows, new IndicatorReport(s, viewer, texts).plainNotes(area.territory, area.indicators));
    }

    private String levelPlural(AreaData area, String level) {
        return area.levels.stream().filter(l -> l.key().equals(level)).map(l -> l.namePlural() == null ? l.name() : l.namePlural())
                .findFirst().orElse(level);
    }

    private String facts(AreaData area, AtlasReader.Unit unit, AtlasReader.Unit parent) {
        StringBuilder b = new StringBuilder();
        b.append("<b>").append(ValueText.escape(texts.get("col.unit"))).append(":</b> ").append(ValueText.escape(unit.name()))
                .append(" (").append(ValueText.escape(unit.code())).append("), ").append(ValueText.escape(area.levelName(unit.level())));
        if (parent != null) {
            b.append("\n<b>").append(ValueText.escape(texts.get("col.parent"))).append(":</b> ").append(ValueText.escape(parent.name()))
                    .append(" (").append(ValueText.escape(area.levelName(parent.level()))).append(")");
        }
        b.append("\n<b>km²:</b> ").append(ValueText.count(BigDecimal.valueOf(unit.areaKm2()).setScale(1, java.math.RoundingMode.HALF_UP)));
        return b.toString();
    }

    private BufferedImage locator(AreaData area, AtlasReader.Unit unit, int w, int h) {
        return s.maps.locator(viewer, area.territory.key(), unit.level(), unit.code(), s.branding(area.territory).colour(), w, h).orElse(null);
    }

    private Map<String, ?> row(AreaData area, AtlasReader.Indicator ind, AtlasReader.Unit unit, AtlasReader.Unit parent, AtlasReader.Period p,
                               Color brand, int dpi) throws SQLException {
        AtlasReader.Value v = area.value(ind, unit.code(), p);
        AtlasReader.Value total = area.value(ind, area.totalCode, p);
        AtlasReader.Value up = parent == null ? null : area.value(ind, parent.code(), p);
        Map<String, Object> r = new HashMap<>();
        String unitLabel = ind.unitLabel() == null || "Anzahl".equals(ind.unitLabel()) ? "" : " (" + ind.unitLabel() + ")";
        r.put("title", ind.title() + unitLabel + (p == null ? "" : ", " + texts.period(p)));
        r.put("value", ValueText.of(v));
        r.put("territory", ValueText.of(total));
        r.put("parent", parent == null ? "" : ValueText.of(up));
        r.put("trend", trend(area, ind, unit.code(), p));
        String[] light = light(ind, v, total);
        r.put("light", light[0]);
        r.put("lightColour", light[1]);
        List<Double> mine = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        for (AtlasReader.Period period : ind.periods()) {
            mine.add(number(area.value(ind, unit.code(), period)));
            all.add(number(area.value(ind, area.totalCode, period)));
        }
        r.put("spark", Charts.sparkline(mine, all, brand, 80, 22, dpi));
        r.put("sparkAlt", texts.get("timeseries.alt", ind.title(), ind.periods().isEmpty() ? "" : texts.period(ind.periods().get(0)),
                ind.periods().isEmpty() ? "" : texts.period(ind.latest()), unit.name() + ", " + area.totalName));
        return r;
    }

    private static Double number(AtlasReader.Value v) {
        return v == null || v.value() == null ? null : v.value().doubleValue();
    }

    /** Change against the previous period with a value: arrow and word. */
    private String trend(AreaData area, AtlasReader.Indicator ind, String code, AtlasReader.Period p) throws SQLException {
        int i = p == null ? -1 : ind.periods().indexOf(p);
        if (i <= 0) {
            return ValueText.WITHHELD;
        }
        AtlasReader.Value now = area.value(ind, code, p);
        AtlasReader.Value before = area.value(ind, code, ind.periods().get(i - 1));
        if (now == null || before == null || now.value() == null || before.value() == null) {
            return ValueText.WITHHELD;
        }
        int c = now.value().compareTo(before.value());
        return c > 0 ? "↑ " + texts.get("trend.up") : c < 0 ? "↓ " + texts.get("trend.down") : "→ " + texts.get("trend.flat");
    }

    /**
     * Traffic light: the Einordnung of the read path ({@link Figures#einordnung}, the web atlas shows the same):
     * within the threshold neutral, beyond it favourable or not by polarity.
     */
    String[] light(AtlasReader.Indicator ind, AtlasReader.Value v, AtlasReader.Value total) {
        Figures.Einordnung e = v == null || total == null ? null : Figures.einordnung(v.value(), total.value(), ind.polarity(), options.threshold());
        if (e == null || ind.polarity() == null || "neutral".equals(ind.polarity())) {
            return new String[] {texts.get("light.none"), NEUTRAL};
        }
        if ("im_mittel".equals(e.position())) {
            return new String[] {"● " + texts.get("light.neutral"), NEUTRAL};
        }
        return "guenstig".equals(e.tendency()) ? new String[] {"● " + texts.get("light.good"), GOOD} : new String[] {"● " + texts.get("light.bad"), BAD};
    }
}
