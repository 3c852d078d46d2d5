package de.chancenatlas.reports;

import de.chancenatlas.core.read.AtlasReader;
import de.chancenatlas.core.read.Viewer;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRException;

/**
 * Council-ready reports: Indikatorbericht, Gebietsprofil and Vergleich. All data comes through
 * {@link AtlasReader} as the given {@link Viewer} (anonymous viewers get the public values only),
 * all maps through {@link MapImages} (MapServer), all layout from the templates in jasper-reports/.
 */
public final class ReportService {
    final AtlasReader reader;
    final MapImages maps;
    final Templates templates;
    final Path brandingDir;
    final de.chancenatlas.core.admin.Logos logos;

    /**
     * @param brandingDir folder with one subfolder per territory key holding logo files named in
     *                    {@code settings.report.logo} (the demo folder for the demo territories); may be null
     */
    public ReportService(AtlasReader reader, MapImages maps, Templates templates, Path brandingDir) {
        this(reader, maps, templates, brandingDir, null);
    }

    /** @param logos the logos uploaded in the admin console ({@code settings.report.logo: upload:…}); may be null */
    public ReportService(AtlasReader reader, MapImages maps, Templates templates, Path brandingDir, de.chancenatlas.core.admin.Logos logos) {
        this.reader = reader;
        this.maps = maps;
        this.templates = templates;
        this.brandingDir = brandingDir;
        this.logos = logos;
    }

    /**
     * How a report is asked for beyond its subject.
     *
     * @param lang      de (default) or en
     * @param part      for PNG/JPEG: map, ranking, timeseries, table or page (default map)
     * @param page      for part=page: the page number, from 1
     * @param dpi       resolution of image extracts (72-600, default 300)
     * @param threshold profile traffic light: relative deviation from the territory value that counts (default 0.10)
     */
    public record Options(String lang, String part, int page, int dpi, double threshold) {
        public static final Options DEFAULT = new Options("de", null, 1, 300, 0.10);

        public Options {
            if (dpi < 72 || dpi > 600) {
                throw new ReportProblem.BadRequest("dpi zwischen 72 und 600 / dpi between 72 and 600");
            }
            if (!(threshold > 0 && threshold < 10)) {
                throw new ReportProblem.BadRequest("Schwelle zwischen 0 und 10 (Anteil, 0,1 = 10 %) / threshold between 0 and 10");
            }
            if (page < 1) {
                throw new ReportProblem.BadRequest("Seite ab 1 / page from 1");
            }
        }
    }

    public Rendered indicator(Viewer viewer, String territory, String indicator, String level, String period, ReportFormat format,
                              Options options) throws SQLException {
        return new IndicatorReport(this, viewer, Texts.of(options.lang())).render(territory, indicator, level, period, format, options);
    }

    public Rendered profile(Viewer viewer, String territory, String unitCode, String period, ReportFormat format, Options options)
            throws SQLException {
        return new ProfileReport(this, viewer, Texts.of(options.lang()), options).render(territory, unitCode, period, format);
    }

    public Rendered comparison(Viewer viewer, String territory, List<String> units, List<String> indicators, String period,
                               ReportFormat format, Options options) throws SQLException {
        return new ComparisonReport(this, viewer, Texts.of(options.lang())).render(territory, units, indicators, period, format, options);
    }

    /** Progress of a long report: units done of all. */
    public interface Progress {
        void report(int done, int total);
    }

    /**
     * The report book (Berichtsband) for a level: a table of contents and one area profile per unit,
     * as one PDF. Profiles are filled on two threads; the territory's values are read once.
     */
    public Rendered book(Viewer viewer, String territory, String level, String period, Options options, Progress progress)
            throws SQLException {
        return new ReportBook(this, viewer, Texts.of(options.lang()), options).render(territory, level, period, progress);
    }

    /** Refuses a book for an unknown territory or level before it is queued. */
    public void checkBook(Viewer viewer, String territory, String level) throws SQLException {
        territory(viewer, territory);
        if (level != null && reader.levels(viewer, territory).stream().noneMatch(l -> l.key().equals(level))) {
            throw new ReportProblem.NotFound("Ebene / level " + level);
        }
    }

    // ---- shared by the report builders ----

    /**
     * What a viewer reads of a territory for area reports, kept until the data changes (the
     * catalogue generation) so that a council member's tenth profile does not read everything
     * again. Keyed by the whole viewer: what one viewer may read is never served to another.
     */
    private final Map<String, AreaData> areas = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, AreaData> eldest) {
            return size() > 8;
        }
    };

    AreaData area(Viewer viewer, String territory) throws SQLException {
        String key = maps.generation() + "|" + territory + "|" + viewer;
        synchronized (areas) {
            AreaData a = areas.get(key);
            if (a != null) {
                return a;
            }
        }
        AreaData a = new AreaData(this, viewer, territory);
        synchronized (areas) {
            areas.put(key, a);
        }
        return a;
    }

    AtlasReader.Territory territory(Viewer viewer, String key) throws SQLException {
        return reader.territory(viewer, key).orElseThrow(() -> new ReportProblem.NotFound("Gebiet / territory " + key));
    }

    /** The parameters every report has: styles, texts, header sub-report, branding, footer. */
    Map<String, Object> common(AtlasReader.Territory t, Texts texts, String title, String subtitle, String dataStatus) {
        Branding b = Branding.of(t, brandingDir, logos);
        Map<String, Object> p = new HashMap<>();
        p.put(JRParameter.REPORT_TEMPLATES, templates.styles());
        p.put(JRParameter.REPORT_RESOURCE_BUNDLE, texts.bundle);
        p.put(JRParameter.REPORT_LOCALE, texts.locale);
        p.put("HEADER", templates.get("header"));
        p.put("BRAND_NAME", b.name());
        p.put("BRAND_COLOUR", b.colourHex());
        p.put("LOGO", b.logo());
        p.put("TITLE", title);
        p.put("SUBTITLE", subtitle);
        String today = LocalDate.now().format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
        p.put("STATUS_LINE", texts.get("status.line", dataStatus, today));
        p.put("FOOTER", texts.get("footer", b.name(), title));
        return p;
    }

    Branding branding(AtlasReader.Territory t) {
        return Branding.of(t, brandingDir, logos);
    }

    JasperPrint fill(String template, Map<String, Object> params, JRDataSource data) {
        try {
            return JasperFillManager.fillReport(templates.get(template), params, data == null ? new JREmptyDataSource(1) : data);
        } catch (JRException e) {
            throw new IllegalStateException("Bericht " + template + " nicht befüllbar / report fill failed", e);
        }
    }

    /** The data status (Datenstand) of a period: its Stichtag, German. */
    static String dataStatus(AtlasReader.Period period) {
        return LocalDate.parse(period.stichtag()).format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
    }

    /** A report's file name: territory, kind, subject, period. */
    static String fileName(String... parts) {
        return String.join("_", parts).replaceAll("[^A-Za-z0-9_.-]", "-");
    }
}
