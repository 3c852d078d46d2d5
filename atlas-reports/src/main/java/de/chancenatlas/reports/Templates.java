package de.chancenatlas.reports;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRTemplate;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.xml.JRXmlTemplateLoader;

/**
 * The report templates from {@code jasper-reports/} (on the class path of atlas-reports), compiled
 * once on first use and kept; the shared styles ({@code styles.jrtx}) are loaded once and handed to
 * every report and sub-report.
 */
public final class Templates {
    private static final String FOLDER = "/jasper-reports/";
    private final Map<String, JasperReport> compiled = new ConcurrentHashMap<>();
    private volatile List<JRTemplate> styles;

    public JasperReport get(String name) {
        return compiled.computeIfAbsent(name, n -> {
            try (InputStream in = resource(n + ".jrxml")) {
                return JasperCompileManager.compileReport(in);
            } catch (JRException | IOException e) {
                throw new IllegalStateException("Vorlage " + n + " nicht übersetzbar / template does not compile", e);
            }
        });
    }

    public List<JRTemplate> styles() {
        if (styles == null) {
            try (InputStream in = resource("styles.jrtx")) {
                styles = List.of(JRXmlTemplateLoader.load(in));
            } catch (IOException e) {
                throw new IllegalStateException("styles.jrtx nicht lesbar / unreadable", e);
            }
        }
        return styles;
    }

    /** Compiles every template now, so the first report is as fast as the next. */
    public void warmUp() {
        for (String n : List.of("header", "unit-table", "indicator-report", "profile-report",
                "comparison-report", "book-toc")) {
            get(n);
        }
        styles();
    }

    private static InputStream resource(String file) throws IOException {
        InputStream in = Templates.class.getResourceAsStream(FOLDER + file);
        if (in == null) {
            throw new IOException("missing " + FOLDER + file);
        }
        return in;
    }
}
