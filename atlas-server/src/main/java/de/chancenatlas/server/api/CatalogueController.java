package de.chancenatlas.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.chancenatlas.core.access.AccessProblem;
import de.chancenatlas.core.access.Account;
import de.chancenatlas.core.access.Accounts;
import de.chancenatlas.core.access.Publication;
import de.chancenatlas.core.admin.FieldErrors;
import de.chancenatlas.core.catalogue.CatalogueImporter;
import de.chancenatlas.core.catalogue.IndicatorEntries;
import de.chancenatlas.core.read.AtlasReader;
import de.chancenatlas.core.style.Classification;
import de.chancenatlas.core.style.StyleSet;
import de.chancenatlas.ogc.OgcResponse;
import de.chancenatlas.ogc.OgcService;
import de.chancenatlas.server.security.Principals;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin console's catalogue and disclosure acts: one indicator's catalogue entry read and changed
 * (administrators of the territory; department editors their indicators' descriptive fields), the
 * map and legend of a draft classification before saving, and the territory's disclosure rules with
 * a preview of their effect. Rules and checks live in core (CatalogueImporter, Publication).
 */
@RestController
@RequestMapping("/api/v1/territories/{territory}")
public class CatalogueController {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final IndicatorEntries entries;
    private final Accounts accounts;
    private final Publication publication;
    private final AtlasReader reader;
    private final OgcService ogc;

    public CatalogueController(DataSource ds, CatalogueImporter importer, Accounts accounts, Publication publication, AtlasReader reader,
                               OgcService ogc) {
        this.entries = new IndicatorEntries(ds, importer);
        this.accounts = accounts;
        this.publication = publication;
        this.reader = reader;
        this.ogc = ogc;
    }

    /** The account if it may edit the indicator: an administrator of the territory, or an editor of its department. */
    private Account editing(Principal p, String territory, String key) throws SQLException {
        Account a = Principals.staff(p);
        if (!a.isAdmin(territory) && !accounts.writableIndicators(a, territory).contains(key)) {
            throw AccessProblem.forbidden();
        }
        return a;
    }

    /** The entry in full (catalogue field names), the theme choices, and which fields this user may change. */
    @GetMapping("/catalogue/indicators/{key}")
    public Map<String, Object> entry(@PathVariable String territory, @PathVariable String key, Principal p) throws SQLException {
        Account a = editing(p, territory, key);
        Map<String, Object> entry = entries.entry(territory, key).orElseThrow(() -> new ApiErrors.NotFound("indicator " + key));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("entry", entry);
        out.put("themes", entries.themes(territory));
        out.put("admin", a.isAdmin(territory));
        out.put("admin_only", IndicatorEntries.ADMIN_ONLY.stream().sorted().toList());
        return out;
    }

    /** Replaces the entry; refused as a whole with one message per field (400 errors[]), nothing half-saved. */
    @PutMapping("/catalogue/indicators/{key}")
    public Map<String, Object> update(@PathVariable String territory, @PathVariable String key, @RequestBody(required = false) Map<String, Object> body,
                                      Principal p) throws SQLException {
        Account a = editing(p, territory, key);
        var result = entries.update(territory, key, body, a.isAdmin(territory), a.login());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("entry", entries.entry(territory, key).orElseThrow());
        out.put("unchanged", result.unchanged());
        out.put("batch_id", result.unchanged() ? null : result.batchId());
        return out;
    }

    /**
     * The classes of a draft classification on one level (the same computation as the WMS layer's), for
     * the legend beside the preview map: per class its label, colour and bounds.
     */
    @GetMapping("/indicators/{key}/preview/classes")
    public Map<String, Object> previewClasses(@PathVariable String territory, @PathVariable String key, @RequestParam String level,
                                              @RequestParam(required = false) String classification, Principal p) throws SQLException {
        editing(p, territory, key);
        StyleSet styles = draft(territory, key, level, classification, p);
        Classification c = styles.standard();
        List<Map<String, Object>> classes = new ArrayList<>();
        List<String> labels = c.labels();
        for (int i = 0; i < c.classes(); i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("class", i + 1);
            m.put("label", labels.get(i));
            m.put("colour", c.colours().get(i));
            if (c.method() != Classification.Method.CATEGORIES) {
                m.put("lower", c.breaks().get(i));
                m.put("upper", c.breaks().get(i + 1));
            }
            classes.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("indicator", key);
        out.put("level", level);
        out.put("method", c.method().name().toLowerCase());
        out.put("classes", classes);
        return out;
    }

    /**
     * The WMS the public gets, for one layer of this indicator, drawn with the draft classification:
     * GetMap and GetLegendGraphic (LAYERS = territory.indicator.level). Never stored or cached.
     */
    @GetMapping("/indicators/{key}/preview/wms")
    public ResponseEntity<byte[]> previewWms(@PathVariable String territory, @PathVariable String key,
                                             @RequestParam(required = false) String classification, HttpServletRequest request, Principal p)
            throws SQLException {
        editing(p, territory, key);
        Map<String, String[]> params = new HashMap<>(request.getParameterMap());
        params.remove("classification");
        String layer = null;
        for (var e : params.entrySet()) {
            if (e.getKey().equalsIgnoreCase("LAYERS") || e.getKey().equalsIgnoreCase("LAYER")) {
                layer = e.getValue().length == 0 ? null : e.getValue()[0];
            }
        }
        String prefix = territory + "." + key + ".";
        if (layer == null || !layer.startsWith(prefix) || layer.length() == prefix.length()) {
            throw new AccessProblem(AccessProblem.Kind.INVALID, "LAYERS: eine Ebene dieses Indikators (" + prefix + "<Ebene>) / one layer of this indicator");
        }
        StyleSet styles = draft(territory, key, layer.substring(prefix.length()), classification, p);
        OgcResponse r = ogc.preview(Principals.viewer(p), territory, params, styles, request.getRequestURL() + "?");
        return ResponseEntity.status(r.status()).contentType(MediaType.parseMediaType(r.contentType()))
                .cacheControl(CacheControl.noStore()).body(r.body());
    }

    /** The draft's styles; a classification the importer would refuse is refused here the same way, on the field. */
    @SuppressWarnings("unchecked")
    private StyleSet draft(String territory, String key, String level, String classification, Principal p) throws SQLException {
        Map<String, Object> settings = null;
        if (classification != null && !classification.isBlank()) {
            try {
                settings = JSON.readValue(classification, LinkedHashMap.class);
            } catch (java.io.IOException e) {
                throw new FieldErrors().add("classification", "Keine lesbare Klassifikation (JSON) / no readable classification");
            }
        }
        try {
            return reader.styles(Principals.viewer(p), territory, key, level, settings)
                    .orElseThrow(() -> new ApiErrors.NotFound("level " + level));
        } catch (RuntimeException e) {
            if (e instanceof ApiErrors.NotFound) {
                throw e;
            }
            throw new FieldErrors().add("classification", "Klassifikation: " + e.getMessage() + " / classification");
        }
    }

    // ---- disclosure -------------------------------------------------------------------------------

    /** The territory's rules and the indicators' own overrides, as stored. */
    @GetMapping("/disclosure/settings")
    public Map<String, Object> disclosureSettings(@PathVariable String territory, Principal p) throws SQLException {
        Principals.admin(p, territory);
        return publication.disclosureSettings(territory);
    }

    /** What the draft rules would withhold (the disclosure report), computed in a transaction that is rolled back. */
    @PostMapping("/disclosure/preview")
    public Map<String, Object> disclosurePreview(@PathVariable String territory, @RequestBody(required = false) Publication.DisclosureDraft body,
                                                 Principal p) throws SQLException {
        Principals.admin(p, territory);
        return publication.disclosurePreview(territory, body == null ? new Publication.DisclosureDraft(null, null) : body);
    }

    /** Saves the rules and overrides together; answers the report under the saved rules. */
    @PutMapping("/disclosure/settings")
    public Map<String, Object> saveDisclosure(@PathVariable String territory, @RequestBody(required = false) Publication.DisclosureDraft body,
                                              Principal p) throws SQLException {
        Account a = Principals.admin(p, territory);
        return publication.saveDisclosure(territory, body == null ? new Publication.DisclosureDraft(null, null) : body, a.login());
    }
}
