package de.chancenatlas.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.chancenatlas.core.TestAtlas;
import de.chancenatlas.core.imports.ImportSource;
import de.chancenatlas.core.imports.Progress;
import de.chancenatlas.core.imports.ValueImporter;
import de.chancenatlas.core.read.AtlasReader;
import de.chancenatlas.core.read.Viewer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A report runs as its viewer: the public never sees internal indicators or withheld values; bad requests are refused. */
class ReportAccessTest {
    private static final ReportService.Options OPTIONS = ReportService.Options.DEFAULT;

    private static List<String> internalTitles() throws Exception {
        List<String> pub = Reports.reader().indicators(Viewer.ANONYMOUS, "koeln").stream().map(AtlasReader.Indicator::key).toList();
        return Reports.reader().indicators(Viewer.internal("staff"), "koeln").stream().filter(i -> !pub.contains(i.key()))
                .map(AtlasReader.Indicator::title).toList();
    }

    @Test
    void anonymousProfileHasNoInternalIndicatorStaffProfileHas() throws Exception {
        List<String> internal = internalTitles();
        assertThat(internal).as("Migrationshintergrund is internal on every level").hasSize(1);
        Rendered anonymous = Reports.service().profile(Viewer.ANONYMOUS, "koeln", "101", "2012", ReportFormat.PDF, OPTIONS);
        String text = Tools.text(Tools.write("anonymous-" + anonymous.fileName(), anonymous.body())).replaceAll("\\s+", " ");
        Rendered staff = Reports.service().profile(Viewer.internal("staff"), "koeln", "101", "2012", ReportFormat.PDF, OPTIONS);
        String staffText = Tools.text(Tools.write("staff-" + staff.fileName(), staff.body())).replaceAll("\\s+", " ");
        for (String title : internal) {
            // table cells wrap titles between the numbers: the last word is what identifies these two
            String word = title.substring(title.lastIndexOf(' ') + 1);
            assertThat(text).doesNotContain(word);
            assertThat(staffText).contains(word);
        }
        Rendered comparison = Reports.service().comparison(Viewer.ANONYMOUS, "koeln", List.of("101", "102"), null, "2012", ReportFormat.PDF, OPTIONS);
        String ctext = Tools.text(Tools.write("anonymous-" + comparison.fileName(), comparison.body())).replaceAll("\\s+", " ");
        internal.forEach(title -> assertThat(ctext).doesNotContain(title.substring(title.lastIndexOf(' ') + 1)));
    }

    @Test
    void internalIndicatorIsNotFoundForThePublic() throws Exception {
        String key = Reports.reader().indicators(Viewer.internal("staff"), "koeln").stream().filter(i -> "internal".equals(i.visibility()))
                .findFirst().orElseThrow().key();
        assertThatThrownBy(() -> Reports.service().indicator(Viewer.ANONYMOUS, "koeln", key, null, null, ReportFormat.PDF, OPTIONS))
                .isInstanceOf(ReportProblem.NotFound.class);
        assertThatThrownBy(() -> Reports.service().comparison(Viewer.ANONYMOUS, "koeln", List.of("101", "102"), List.of(key), null,
                ReportFormat.PDF, OPTIONS)).isInstanceOf(ReportProblem.NotFound.class);
        // staff get the report with the map their WMS shows them: the internal layer
        Rendered r = Reports.service().indicator(Viewer.internal("staff"), "koeln", key, "stadtteil", null, ReportFormat.PDF, OPTIONS);
        assertThat(Tools.text(Tools.write("staff-" + r.fileName(), r.body()))).contains("Migrationshintergrund")
                .doesNotContain("keine öffentliche Kartenebene");
    }

    @Test
    void secretValuesAreWithheldFromThePublicAndFootnoted() throws Exception {
        String t = TestAtlas.territory("report-secret");
        // the other Bezirke with denominators that let their rates out (sql/V8: a rate must leave its count ambiguous)
        String csv = "gebiet;indikator;jahr;zaehler;nenner;status\n01;quote;2020;3;37;geheim\n02;quote;2020;9;4000;\n03;quote;2020;11;4000;\n"
                + "04;quote;2020;7;4000;\n";
        new ValueImporter(TestAtlas.dataSource()).importFile(t, new ImportSource("s.csv", csv.getBytes(StandardCharsets.UTF_8), "test"),
                ValueImporter.Options.NONE, Progress.NONE);
        Rendered anonymous = Reports.service().indicator(Viewer.ANONYMOUS, t, "quote", "bezirk", "2020", ReportFormat.PDF, OPTIONS);
        String text = Tools.text(Tools.write("secret-anonymous.pdf", anonymous.body()));
        String line = text.lines().filter(l -> l.trim().startsWith("01 ")).findFirst().orElseThrow();
        assertThat(line).contains("–").doesNotContain("8,1");
        assertThat(text).doesNotContain("8,1").contains("– = Wert aus Datenschutzgründen nicht veröffentlicht");
        Rendered staff = Reports.service().indicator(Viewer.internal("staff"), t, "quote", "bezirk", "2020", ReportFormat.PDF, OPTIONS);
        String staffLine = Tools.text(Tools.write("secret-staff.pdf", staff.body())).lines().filter(l -> l.trim().startsWith("01 "))
                .findFirst().orElseThrow();
        assertThat(staffLine).contains("8,1");
    }

    @Test
    void unknownThingsAreNotFoundAndBadParametersRefused() {
        ReportService s = Reports.service();
        assertThatThrownBy(() -> s.indicator(Viewer.ANONYMOUS, "nirgendwo", "einwohner", null, null, ReportFormat.PDF, OPTIONS))
                .isInstanceOf(ReportProblem.NotFound.class);
        assertThatThrownBy(() -> s.indicator(Viewer.ANONYMOUS, "koeln", "gibtsnicht", null, null, ReportFormat.PDF, OPTIONS))
                .isInstanceOf(ReportProblem.NotFound.class);
        assertThatThrownBy(() -> s.indicator(Viewer.ANONYMOUS, "koeln", "einwohner", "gibtsnicht", null, ReportFormat.PDF, OPTIONS))
                .isInstanceOf(ReportProblem.NotFound.class);
        assertThatThrownBy(() -> s.indicator(Viewer.ANONYMOUS, "koeln", "einwohner", null, "1950", ReportFormat.PDF, OPTIONS))
                .isInstanceOf(ReportProblem.NotFound.class);
        // no period of an annual indicator at all: the message names the forms that are
        assertThatThrownBy(() -> s.indicator(Viewer.ANONYMOUS, "koeln", "einwohner", null, "2012-H1", ReportFormat.PDF, OPTIONS))
                .isInstanceOf(ReportProblem.BadRequest.class).hasMessageContaining("31.12.2015");
        assertThatThrownBy(() -> s.profile(Viewer.ANONYMOUS, "koeln", "999999", null, ReportFormat.PDF, OPTIONS))
                .isInstanceOf(ReportProblem.NotFound.class);
        assertThatThrownBy(() -> s.comparison(Viewer.ANONYMOUS, "koeln", List.of("101"), null, null, ReportFormat.PDF, OPTIONS))
                .isInstanceOf(ReportProblem.BadRequest.class);
        assertThatThrownBy(() -> ReportFormat.parse("exe")).isInstanceOf(ReportProblem.BadRequest.class);
        assertThatThrownBy(() -> new ReportService.Options("de", "map", 1, 5000, 0.1)).isInstanceOf(ReportProblem.BadRequest.class);
        assertThatThrownBy(() -> s.indicator(Viewer.ANONYMOUS, "koeln", "einwohner", null, null, ReportFormat.PNG,
                new ReportService.Options("de", "wohin", 1, 100, 0.1))).isInstanceOf(ReportProblem.BadRequest.class);
        assertThatThrownBy(() -> s.profile(Viewer.ANONYMOUS, "koeln", "101", null, ReportFormat.PDF, new ReportService.Options("fr", null, 1, 300, 0.1)))
                .isInstanceOf(ReportProblem.BadRequest.class);
    }

    @Test
    void reportBookHasContentsAndOneProfilePerUnit() throws Exception {
        List<Integer> seen = new java.util.ArrayList<>();
        Rendered book = Reports.service().book(Viewer.ANONYMOUS, "kreis-dueren", null, null, OPTIONS, (done, total) -> seen.add(total - done));
        List<AtlasReader.Unit> units = Reports.reader().units(Viewer.ANONYMOUS, "kreis-dueren", "kommune", null);
        assertThat(seen).hasSize(units.size()).contains(0);
        String text = Tools.text(Tools.write(book.fileName(), book.body()));
        assertThat(text).contains("Inhalt");
        units.forEach(u -> assertThat(text).contains("Gebietsprofil: " + u.name()));
        assertThat(Tools.vera(book.body(), org.verapdf.pdfa.flavours.PDFAFlavour.PDFA_2_B).isCompliant()).isTrue();
    }

    @Test
    void englishReportsUseTheEnglishTexts() throws Exception {
        Rendered r = Reports.service().indicator(Viewer.ANONYMOUS, "koeln", "einwohner", "stadtbezirk", null, ReportFormat.PDF,
                new ReportService.Options("en", null, 1, 300, 0.1));
        assertThat(Tools.text(Tools.write("en-" + r.fileName(), r.body()))).contains("Indicator report").contains("Values of all areas")
                .doesNotContain("Werte aller Gebiete");
    }
}
