package de.chancenatlas.reports;

import java.util.Arrays;
import java.util.Locale;

/** The formats a report comes in. PNG and JPEG are extracts of one part (map, chart, table). */
public enum ReportFormat {
    PDF("application/pdf", "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    PNG("image/png", "png"),
    JPG("image/jpeg", "jpg");

    private final String contentType;
    private final String extension;

    ReportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    public boolean isImage() {
        return this == PNG || this == JPG;
    }

    /** pdf, docx, xlsx, png, jpg (or jpeg); null means pdf. */
    public static ReportFormat parse(String s) {
        if (s == null || s.isBlank()) {
            return PDF;
        }
        String k = s.trim().toLowerCase(Locale.ROOT);
        if (k.equals("jpeg")) {
            return JPG;
        }
        return Arrays.stream(values()).filter(f -> f.extension.equals(k)).findFirst()
                .orElseThrow(() -> new ReportProblem.BadRequest("Unbekanntes Format „" + s + "“ (pdf, docx, xlsx, png, jpg) / unknown format"));
    }
}
