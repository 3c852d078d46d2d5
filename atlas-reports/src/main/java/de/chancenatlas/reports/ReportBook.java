package de.chancenatlas.reports;

import de.chancenatlas.core.read.AtlasReader;
import de.chancenatlas.core.read.Viewer;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/** The Berichtsband: contents, then the area profile of every unit of a level, in one PDF/A. */
final class ReportBook {
    private static final int THREADS = 2;
    private final ReportService s;
    private final Viewer viewer;
    private final Texts texts;
    private final ReportService.Options options;

    ReportBook(ReportService s, Viewer viewer, Texts texts, ReportService.Options options) {
        this.s = s;
        this.viewer = viewer;
        this.texts = texts;
        this.options = options;
    }

    Rendered render(String territory, String levelKey, String period, ReportService.Progress progress) throws SQLException {
        AreaData area = s.area(viewer, territory);
        AtlasReader.Level level = levelKey == null
                ? area.levels.stream().filter(l -> "polygon".equals(l.geometryKind())).reduce((a, b) -> b)
                        .orElseThrow(() -> new ReportProblem.NotFound("Ebenen / levels of " + territory))
                : area.levels.stream().filter(l -> l.key().equals(levelKey)).findFirst()
                        .orElseThrow(() -> new ReportProblem.NotFound("Ebene / level " + levelKey));
        List<AtlasReader.Unit> units = area.units.values().stream().filter(u -> u.level().equals(level.key())).toList();
        ProfileReport profile = new ProfileReport(s, viewer, texts, options);
        List<JasperPrint> profiles = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "report-book");
            t.setDaemon(true);
            return t;
        });
        try {
            AtomicInteger done = new AtomicInteger();
            List<Future<JasperPrint>> jobs = new ArrayList<>();
            for (AtlasReader.Unit u : units) {
                jobs.add(pool.submit(() -> {
                    JasperPrint p = profile.fill(area, u, period, IndicatorReport.DOC_DPI);
                    progress.report(done.incrementAndGet(), units.size());
                    return p;
                }));
            }
            for (Future<JasperPrint> f : jobs) {
                profiles.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Berichtsband abgebrochen / report book interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        String title = texts.get("report.book") + ": " + (level.namePlural() == null ? level.name() : level.namePlural());
        String subtitle = area.territory.name() + (period == null ? "" : " · " + period);
        // the contents say on which page each profile starts, which depends on how long the contents are
        JasperPrint toc = contents(area, units, profiles, title, subtitle, 1);
        if (toc.getPages().size() > 1) {
            toc = contents(area, units, profiles, title, subtitle, toc.getPages().size());
        }
        List<JasperPrint> all = new ArrayList<>();
        all.add(toc);
        all.addAll(profiles);
        byte[] pdf = Exporter.pdf(all, title, area.territory.name(), subtitle, texts.language());
        return new Rendered(pdf, ReportFormat.PDF.contentType(),
                ReportService.fileName(territory, "berichtsband", level.key(), period == null ? "aktuell" : String.valueOf(period)) + ".pdf");
    }

    private JasperPrint contents(AreaData area, List<AtlasReader.Unit> units, List<JasperPrint> profiles, String title, String subtitle,
                                 int tocPages) {
        List<Map<String, ?>> rows = new ArrayList<>();
        int page = tocPages + 1;
        for (int i = 0; i < units.size(); i++) {
            Map<String, Object> r = new HashMap<>();
            r.put("code", units.get(i).code());
            r.put("name", units.get(i).name());
            r.put("page", page);
            rows.add(r);
            page += profiles.get(i).getPages().size();
        }
        Map<String, Object> p = s.common(area.territory, texts, title, subtitle, "–");
        p.put("ROWS", new JRMapCollectionDataSource(rows));
        return s.fill("book-toc", p, null);
    }
}
