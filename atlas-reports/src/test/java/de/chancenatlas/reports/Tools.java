package de.chancenatlas.reports;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.ValidationResult;

/** The external checkers of the tests: poppler's pdftotext, pdffonts, pdftoppm (skipped when absent) and veraPDF (a library). */
final class Tools {
    private static boolean veraReady;

    private Tools() {
    }

    static Path write(String name, byte[] body) throws IOException {
        Path dir = Files.createDirectories(Path.of("target/reports"));
        Path p = dir.resolve(name);
        Files.write(p, body);
        return p;
    }

    /** Runs a poppler tool; the test is skipped when it is not installed (./atlas test installs poppler-utils). */
    static String run(String... command) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin", command[0])), command[0] + " not installed (Debian poppler-utils)");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    static String text(Path pdf) throws Exception {
        return run("pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), "-");
    }

    /** pdffonts' table rows: name, type, encoding, emb, sub, uni, object id. */
    static List<String[]> fonts(Path pdf) throws Exception {
        List<String[]> rows = new ArrayList<>();
        String[] lines = run("pdffonts", pdf.toString()).split("\n");
        for (int i = 2; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                rows.add(lines[i].trim().split("\\s+"));
            }
        }
        return rows;
    }

    static Path page(Path pdf, int page, int dpi) throws Exception {
        String prefix = pdf.toString().replaceAll("\\.pdf$", "") + "-p" + page;
        run("pdftoppm", "-r", String.valueOf(dpi), "-f", String.valueOf(page), "-l", String.valueOf(page), "-singlefile", "-png",
                pdf.toString(), prefix);
        return Path.of(prefix + ".png");
    }

    static synchronized ValidationResult vera(byte[] pdf, PDFAFlavour flavour) throws Exception {
        if (!veraReady) {
            VeraGreenfieldFoundryProvider.initialise();
            veraReady = true;
        }
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new java.io.ByteArrayInputStream(pdf), flavour)) {
            PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false);
            return validator.validate(parser);
        }
    }

    /** The failed rules of a validation, one line each, for assertion messages. */
    static String failures(ValidationResult r) {
        StringBuilder b = new StringBuilder();
        r.getTestAssertions().stream().filter(a -> a.getStatus() != org.verapdf.pdfa.results.TestAssertion.Status.PASSED)
                .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage())
                .distinct().limit(40).forEach(s -> b.append(s).append('\n'));
        return b.toString();
    }
}
