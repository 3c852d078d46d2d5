package de.chancenatlas.server.api;

import de.chancenatlas.core.access.AccessProblem;
import de.chancenatlas.core.access.Account;
import de.chancenatlas.core.access.Accounts;
import de.chancenatlas.core.admin.FieldErrors;
import de.chancenatlas.core.catalogue.CatalogueImporter;
import de.chancenatlas.core.imports.Batches;
import de.chancenatlas.core.imports.BoundaryImporter;
import de.chancenatlas.core.imports.FacilityImporter;
import de.chancenatlas.core.imports.ImportRejected;
import de.chancenatlas.core.imports.ImportSource;
import de.chancenatlas.core.imports.Levels;
import de.chancenatlas.core.imports.Problem;
import de.chancenatlas.core.imports.ValueImporter;
import de.chancenatlas.core.text.Dates;
import de.chancenatlas.server.security.Principals;
import java.io.IOException;
import java.security.Principal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports (catalogue, boundaries, values, facilities), their progress, and the batches they leave behind.
 * Every upload is one atomic batch: 201 with the batch, 200 when nothing changed (same file again),
 * 422 with every problem when nothing was written; {@code async=true} answers 202 with a job to poll.
 * Rights: values may be imported by the territory's administrators and by department editors for
 * their department's indicators; boundaries, catalogue, facilities, new levels, file inspection and
 * reverts (and their dry run) by administrators only; batch lists, details and value histories by the
 * territory's staff.
 */
@RestController
@RequestMapping("/api/v1")
public class ImportController {
    private final ValueImporter values;
    private final BoundaryImporter boundaries;
    private final CatalogueImporter catalogue;
    private final FacilityImporter facilities;
    private final Batches batches;
    private final ImportJobs jobs;
    private final Accounts accounts;
    private final Levels levels;
    private final long uploadLimit;

    public ImportController(ValueImporter values, BoundaryImporter boundaries, CatalogueImporter catalogue, FacilityImporter facilities,
                            Batches batches, ImportJobs jobs, Accounts accounts, Levels levels,
                            @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize uploadLimit) {
        this.accounts = accounts;
        this.levels = levels;
        this.uploadLimit = uploadLimit.toBytes();
        this.facilities = facilities;
        this.values = values;
        this.boundaries = boundaries;
        this.catalogue = catalogue;
        this.batches = batches;
        this.jobs = jobs;
    }

    @PostMapping("/territories/{territory}/imports/values")
    public ResponseEntity<Map<String, Object>> importValues(@PathVariable String territory, @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String level, @RequestParam(required = false) String period,
            @RequestParam(required = false) String indicator, @RequestParam(defaultValue = "false") boolean async,
            Principal who) throws IOException, SQLException {
        Account a = Principals.staff(who);
        Set<String> writable = accounts.writableIndicators(a, territory);
        if (writable.isEmpty() || (indicator != null && !indicator.isBlank() && !writable.contains(indicator.strip()))) {
            throw AccessProblem.forbidden();   // the form's target indicator is not the user's (values in the file: a problem per line)
        }
        ImportSource src = source(file, who);
        var options = new ValueImporter.Options(level, period, indicator);
        return start(territory, "values", src, async, p -> values.importFile(territory, src, options, writable, p));
    }

    @PostMapping("/territories/{territory}/imports/boundaries")
    public ResponseEntity<Map<String, Object>> importBoundaries(@PathVariable String territory, @RequestParam("file") MultipartFile file,
            @RequestParam String level, @RequestParam("code_field") String codeField,
            @RequestParam(name = "name_field", required = false) String nameField,
            @RequestParam(name = "parent_field", required = false) String parentField,
            @RequestParam(name = "code_width", required = false) Integer codeWidth,
            @RequestParam(name = "valid_from", required = false) String validFrom,
            @RequestParam(name = "source_srs", required = false) String sourceSrs,
            @RequestParam(required = false) String layer,
            @RequestParam(defaultValue = "false") boolean async, Principal who) throws IOException {
        Principals.admin(who, territory);
        ImportSource src = source(file, who);
        var options = new BoundaryImporter.Options(level, codeField, nameField, parentField, codeWidth, date(validFrom), sourceSrs, layer);
        return start(territory, "boundaries", src, async, p -> boundaries.importFile(territory, src, options, p));
    }

    /** Facilities (schools, Kitas, ...) with code, name, type and x/y or lon/lat: administrators, like boundaries. */
    @PostMapping("/territories/{territory}/imports/facilities")
    public ResponseEntity<Map<String, Object>> importFacilities(@PathVariable String territory, @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean async, Principal who) throws IOException {
        Principals.admin(who, territory);
        ImportSource src = source(file, who);
        return start(territory, "facilities", src, async, p -> facilities.importFile(territory, src));
    }

    @PostMapping("/territories/{territory}/imports/catalogue")
    public ResponseEntity<Map<String, Object>> importCatalogue(@PathVariable String territory, @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean async, Principal who) throws IOException {
        Principals.admin(who, territory);
        ImportSource src = source(file, who);
        return start(territory, "catalogue", src, async, p -> catalogue.importFile(territory, src));
    }

    /** A catalogue file that defines its territory: creates the territory if it is new (global administrators). */
    @PostMapping("/catalogue")
    public ResponseEntity<Map<String, Object>> importCatalogueWithTerritory(@RequestParam("file") MultipartFile file, Principal who)
            throws IOException {
        if (!Principals.staff(who).globalAdmin()) {
            throw AccessProblem.forbidden();
        }
        ImportSource src = source(file, who);
        return start(null, "catalogue", src, false, p -> catalogue.importFile(null, src));
    }

    @GetMapping("/imports/{id}")
    public ResponseEntity<Map<String, Object>> job(@PathVariable String id, Principal who) {
        ImportJobs.Job job = jobs.get(id);
        Account a = Principals.staff(who);
        if (job == null || !(job.territory == null ? a.globalAdmin() : a.readsInternal(job.territory))) {
            throw new ApiErrors.NotFound("import job " + id);
        }
        return ResponseEntity.ok(job.view());
    }

    /**
     * What the import form offers this user: the kinds of import allowed, the indicators they may
     * write values for (administrators: all; department editors: their department's), and the size limits.
     */
    @GetMapping("/territories/{territory}/imports/targets")
    public Map<String, Object> targets(@PathVariable String territory, Principal who) throws SQLException {
        Account a = Principals.staff(who);
        Set<String> writable = accounts.writableIndicators(a, territory);
        boolean admin = a.isAdmin(territory);
        if (writable.isEmpty() && !admin) {
            throw AccessProblem.forbidden();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kinds", admin ? List.of("values", "boundaries", "catalogue", "facilities") : List.of("values"));
        out.put("indicators", values.targets(territory, writable));
        long valueBytes = Math.min(uploadLimit, values.limits().maxBytes());
        long boundaryBytes = Math.min(uploadLimit, BoundaryImporter.MAX_BYTES);
        out.put("limits", Map.of(
                "values", Map.of("bytes", valueBytes, "formatted", mb(valueBytes), "rows", values.limits().maxRows(),
                        "rows_formatted", String.format(java.util.Locale.GERMANY, "%,d", values.limits().maxRows())),
                "boundaries", Map.of("bytes", boundaryBytes, "formatted", mb(boundaryBytes)),
                "catalogue", Map.of("bytes", uploadLimit, "formatted", mb(uploadLimit)),
                "facilities", Map.of("bytes", uploadLimit, "formatted", mb(uploadLimit))));
        return out;
    }

    private static String mb(long bytes) {
        return String.format(java.util.Locale.GERMANY, "%,d MB", bytes / (1024 * 1024));
    }

    /**
     * The layers of a boundary file with their fields (and sample values), feature count and CRS,
     * read without importing anything: the console lets the user pick level, code and name field from them.
     */
    @PostMapping("/territories/{territory}/imports/inspect")
    public Map<String, Object> inspect(@PathVariable String territory, @RequestParam("file") MultipartFile file, Principal who) throws IOException {
        Principals.admin(who, territory);
        ImportSource src = source(file, who);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file_name", src.fileName());
        out.put("bytes", src.content().length);
        out.put("layers", boundaries.inspect(src));
        return out;
    }

    public record NewLevel(String key, String name, String name_plural, String parent) { }

    /** A new polygon level below {@code parent} (or the top level), for boundaries of a level that does not exist yet. */
    @PostMapping("/territories/{territory}/levels")
    public ResponseEntity<Map<String, Object>> createLevel(@PathVariable String territory, @RequestBody NewLevel body, Principal who)
            throws SQLException {
        Account a = Principals.admin(who, territory);
        return ResponseEntity.status(HttpStatus.CREATED).body(levels.create(territory, body.key(), body.name(), body.name_plural(),
                body.parent(), a.login()));
    }

    private static final Set<String> KINDS = Set.of("values", "boundaries", "catalogue", "facilities");

    /** A page of the territory's batches, newest first; {@code kind} and {@code q} (file name, author, checksum) filter. */
    @GetMapping("/territories/{territory}/batches")
    public List<Map<String, Object>> batches(@PathVariable String territory, @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String q, Principal who) throws SQLException {
        if (!Principals.staff(who).readsInternal(territory)) {
            throw AccessProblem.forbidden();
        }
        FieldErrors errors = new FieldErrors();
        if (kind != null && !kind.isBlank() && !KINDS.contains(kind)) {
            errors.add("kind", "Art: values, boundaries, catalogue oder facilities / kind: values, boundaries, catalogue or facilities");
        }
        if (q != null && q.length() > 200) {
            errors.add("q", "Suchtext zu lang (höchstens 200 Zeichen) / search text too long (at most 200 characters)");
        }
        if (offset < 0) {
            errors.add("offset", "offset ≥ 0");
        }
        errors.throwIfAny();
        return batches.list(territory, Math.max(1, Math.min(limit, 1000)), offset, kind == null || kind.isBlank() ? null : kind, q);
    }

    /** One batch with what it touched (indicators, levels and periods of its values; units; facilities; catalogue entries). */
    @GetMapping("/territories/{territory}/batches/{batch}")
    public Map<String, Object> batch(@PathVariable String territory, @PathVariable long batch, Principal who) throws SQLException {
        if (!Principals.staff(who).readsInternal(territory)) {
            throw AccessProblem.forbidden();
        }
        return batches.details(territory, batch).orElseThrow(() -> new ApiErrors.NotFound("batch " + batch));
    }

    /** What a revert would change (values restored and removed, indicators, periods), or why it is refused: a dry run. */
    @GetMapping("/territories/{territory}/batches/{batch}/revert")
    public Map<String, Object> revertPreview(@PathVariable String territory, @PathVariable long batch, Principal who) throws SQLException {
        Principals.admin(who, territory);
        Map<String, Object> preview = batches.revertPreview(territory, batch);
        if ("BATCH_NOT_FOUND".equals(preview.get("reason_kind"))) {
            throw new ApiErrors.NotFound("batch " + batch);
        }
        return preview;
    }

    @PostMapping("/territories/{territory}/batches/{batch}/revert")
    public Map<String, Object> revert(@PathVariable String territory, @PathVariable long batch, Principal who) throws SQLException {
        Principals.admin(who, territory);
        batches.revert(territory, batch, who.getName());
        return Map.of("batch_id", batch, "status", "reverted");
    }

    /**
     * The history of one value: every batch that set it (value, who, when) and which batch replaced it,
     * newest first. {@code period} in any form of the indicator's periodicity (2023, 2023-H1, 31.12.2023).
     */
    @GetMapping("/territories/{territory}/indicators/{key}/history")
    public Map<String, Object> history(@PathVariable String territory, @PathVariable String key, @RequestParam String unit,
            @RequestParam String period, Principal who) throws SQLException {
        if (!Principals.staff(who).readsInternal(territory)) {
            throw AccessProblem.forbidden();
        }
        return batches.history(territory, key, unit, period).orElseThrow(() -> new ApiErrors.NotFound("indicator " + key));
    }

    private ResponseEntity<Map<String, Object>> start(String territory, String kind, ImportSource src, boolean async, ImportJobs.Work work) {
        if (async) {
            ImportJobs.Job job = jobs.submit(territory, kind, src.fileName(), work);
            return ResponseEntity.status(HttpStatus.ACCEPTED).header("Location", "/api/v1/imports/" + job.id).body(job.view());
        }
        ImportJobs.Job job = jobs.runNow(territory, kind, src.fileName(), work);
        if (job.rejected() != null) {
            throw job.rejected();
        }
        if (job.error() != null) {
            throw new IllegalStateException(job.error());
        }
        return ResponseEntity.status(job.result().unchanged() ? HttpStatus.OK : HttpStatus.CREATED).body(job.view());
    }

    private static ImportSource source(MultipartFile file, Principal who) throws IOException {
        return new ImportSource(file.getOriginalFilename(), file.getBytes(), who.getName());
    }

    private static LocalDate date(String s) {
        try {
            return Dates.parse(s);
        } catch (IllegalArgumentException e) {
            throw new ImportRejected(Problem.Kind.INVALID.at(null, "valid_from", s, e.getMessage()));
        }
    }
}
