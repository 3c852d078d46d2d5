package de.chancenatlas.server.api;

import de.chancenatlas.server.security.Principals;
import de.chancenatlas.core.read.Viewer;
import de.chancenatlas.reports.Rendered;
import de.chancenatlas.reports.ReportFormat;
import de.chancenatlas.reports.ReportProblem;
import de.chancenatlas.reports.ReportService;
import java.security.Principal;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Council reports as files: Indikatorbericht, Gebietsprofil and Vergleich in PDF (PDF/A-2b, tagged),
 * DOCX, XLSX, or a PNG/JPEG extract of one part. A report runs as the requesting viewer, so the
 * public gets public indicators and values only.
 */
@RestController
@RequestMapping("/api/v1/territories/{territory}/reports")
public class ReportController {
    private final ReportService reports;
    private final ReportJobs jobs;

    public ReportController(ReportService reports, ReportJobs jobs) {
        this.reports = reports;
        this.jobs = jobs;
    }

    @GetMapping("/indicator/{key}")
    public ResponseEntity<byte[]> indicator(@PathVariable String territory, @PathVariable String key,
                                            @RequestParam(required = false) String level, @RequestParam(required = false) String period,
                                            @RequestParam(required = false) String format, @RequestParam(required = false) String lang,
                                            @RequestParam(required = false) String part, @RequestParam(defaultValue = "1") int page,
                                            @RequestParam(defaultValue = "300") int dpi, Principal p) throws SQLException {
        return file(reports.indicator(Principals.viewer(p), territory, key, level, period, ReportFormat.parse(format),
                new ReportService.Options(lang, part, page, dpi, 0.10)));
    }

    @GetMapping("/profile/{unit}")
    public ResponseEntity<byte[]> profile(@PathVariable String territory, @PathVariable String unit,
                                          @RequestParam(required = false) String period, @RequestParam(required = false) String format,
                                          @RequestParam(required = false) String lang, @RequestParam(required = false) String part,
                                          @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "300") int dpi,
                                          @RequestParam(defaultValue = "0.10") double threshold, Principal p) throws SQLException {
        return file(reports.profile(Principals.viewer(p), territory, unit, period, ReportFormat.parse(format),
                new ReportService.Options(lang, part, page, dpi, threshold)));
    }

    @GetMapping("/comparison")
    public ResponseEntity<byte[]> comparison(@PathVariable String territory, @RequestParam String units,
                                             @RequestParam(required = false) String indicators, @RequestParam(required = false) String period,
                                             @RequestParam(required = false) String format, @RequestParam(required = false) String lang,
                                             @RequestParam(required = false) String part, @RequestParam(defaultValue = "1") int page,
                                             @RequestParam(defaultValue = "300") int dpi, Principal p) throws SQLException {
        return file(reports.comparison(Principals.viewer(p), territory, list(units), list(indicators), period, ReportFormat.parse(format),
                new ReportService.Options(lang, part, page, dpi, 0.10)));
    }

    /**
     * Starts the report book (contents and one area profile per unit of a level) as a job; staff only
     * (POST). Answers 202 with the job; its progress and, when done, the PDF are under .../jobs/{id}.
     */
    @PostMapping("/book")
    public ResponseEntity<Map<String, Object>> book(@PathVariable String territory, @RequestParam(required = false) String level,
                                                    @RequestParam(required = false) String period,
                                                    @RequestParam(required = false) String lang, Principal p) throws SQLException {
        Viewer viewer = Principals.viewer(p);
        ReportService.Options options = new ReportService.Options(lang, null, 1, 300, 0.10);
        reports.checkBook(viewer, territory, level);
        ReportJobs.Job job = jobs.start(viewer.name(), territory, progress -> reports.book(viewer, territory, level, period, options, progress));
        return ResponseEntity.accepted().header(HttpHeaders.LOCATION, "/api/v1/territories/" + territory + "/reports/jobs/" + job.id)
                .contentType(MediaType.APPLICATION_JSON).body(job.view());
    }

    @GetMapping("/jobs/{id}")
    public Map<String, Object> job(@PathVariable String territory, @PathVariable String id, Principal p) {
        return jobs.get(id, Principals.viewer(p).name(), territory).orElseThrow(() -> new ApiErrors.NotFound("job " + id)).view();
    }

    @GetMapping("/jobs/{id}/file")
    public ResponseEntity<?> jobFile(@PathVariable String territory, @PathVariable String id, Principal p) {
        ReportJobs.Job job = jobs.get(id, Principals.viewer(p).name(), territory).orElseThrow(() -> new ApiErrors.NotFound("job " + id));
        if (job.result == null) {
            return error(HttpStatus.CONFLICT, "Noch nicht fertig / not finished yet: " + job.state);
        }
        return file(job.result);
    }

    @ExceptionHandler(ReportJobs.Busy.class)
    ResponseEntity<Map<String, Object>> busy(ReportJobs.Busy e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "60").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("status", 503, "title", "Zu viele Berichtsbände in Arbeit, bitte später erneut / too many report books running"));
    }

    private static List<String> list(String csv) {
        return csv == null ? List.of() : Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static ResponseEntity<byte[]> file(Rendered r) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(r.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(r.fileName()).build().toString())
                .body(r.body());
    }

    @ExceptionHandler(ReportProblem.NotFound.class)
    ResponseEntity<Map<String, Object>> notFound(ReportProblem.NotFound e) {
        return error(HttpStatus.NOT_FOUND, "Nicht gefunden / not found: " + e.getMessage());
    }

    @ExceptionHandler(ReportProblem.BadRequest.class)
    ResponseEntity<Map<String, Object>> badRequest(ReportProblem.BadRequest e) {
        return error(HttpStatus.BAD_REQUEST, "Ungültige Anfrage / bad request: " + e.getMessage());
    }

    /** The same JSON shape as {@link ApiErrors}. */
    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("title", title);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
