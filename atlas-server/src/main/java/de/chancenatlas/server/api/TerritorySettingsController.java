package de.chancenatlas.server.api;

import de.chancenatlas.core.access.AccessProblem;
import de.chancenatlas.core.access.Account;
import de.chancenatlas.core.admin.Logos;
import de.chancenatlas.core.admin.NewTerritory;
import de.chancenatlas.core.admin.TerritorySettings;
import de.chancenatlas.core.imports.ImportResult;
import de.chancenatlas.core.read.AtlasReader;
import de.chancenatlas.server.security.Principals;
import java.io.IOException;
import java.security.Principal;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A territory's settings screen and a new territory: the settings as the console edits them (the
 * change itself is {@code PUT …/settings} in {@link AdminController}), the logo (upload, removal,
 * and the image itself for reports' readers and the web atlas), and territory creation.
 */
@RestController
@RequestMapping("/api/v1")
public class TerritorySettingsController {
    private final TerritorySettings settings;
    private final Logos logos;
    private final NewTerritory newTerritory;
    private final AtlasReader reader;

    public TerritorySettingsController(DataSource ds, AtlasReader reader) {
        this.settings = new TerritorySettings(ds);
        this.logos = new Logos(ds);
        this.newTerritory = new NewTerritory(ds);
        this.reader = reader;
    }

    @GetMapping("/territories/{territory}/settings")
    public Map<String, Object> settings(@PathVariable String territory, Principal p) throws SQLException {
        Principals.admin(p, territory);
        return settings.read(territory, logos);
    }

    /** Uploads the logo (PNG, JPEG or SVG, at most 512 KB, checked to be that image); answers the settings. */
    @PostMapping("/territories/{territory}/logo")
    public Map<String, Object> uploadLogo(@PathVariable String territory, @RequestParam("file") MultipartFile file, Principal p)
            throws SQLException, IOException {
        Account a = Principals.admin(p, territory);
        if (file.getSize() > Logos.MAX_BYTES) {
            // not read at all: the check below would say the same after reading it
            throw new de.chancenatlas.core.admin.FieldErrors().add("logo", "Das Logo ist größer als " + Logos.MAX_BYTES / 1024
                    + " KB / the logo is larger than " + Logos.MAX_BYTES / 1024 + " KB");
        }
        logos.save(territory, file.getOriginalFilename(), file.getBytes(), a.login());
        return settings.read(territory, logos);
    }

    @DeleteMapping("/territories/{territory}/logo")
    public Map<String, Object> deleteLogo(@PathVariable String territory, Principal p) throws SQLException {
        Account a = Principals.admin(p, territory);
        if (!logos.delete(territory, a.login())) {
            throw new ApiErrors.NotFound("logo");
        }
        return settings.read(territory, logos);
    }

    /**
     * The uploaded logo, for everyone who may read the territory. An SVG is served so that it can only
     * draw: no script, no loading (its own CSP), never sniffed as another type.
     */
    @GetMapping("/territories/{territory}/logo")
    public ResponseEntity<byte[]> logo(@PathVariable String territory, Principal p) throws SQLException {
        AtlasReader.Territory t = reader.territory(Principals.viewer(p), territory).orElseThrow(() -> new ApiErrors.NotFound("territory " + territory));
        if (!t.live() && !Principals.viewer(p).isInternalFor(territory)) {
            throw new ApiErrors.NotFound("territory " + territory);
        }
        Logos.Logo logo = logos.find(territory).orElseThrow(() -> new ApiErrors.NotFound("logo"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(logo.mediaType()))
                // a closed territory's logo is for its staff: no shared caches
                .cacheControl(t.live() ? CacheControl.maxAge(Duration.ofHours(1)).cachePublic() : CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .eTag("\"" + logo.version() + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
                .body(logo.content());
    }

    /** A new territory with its levels (global administrators); answers its key and the catalogue batch. */
    @PostMapping("/territories")
    public ResponseEntity<Map<String, Object>> create(@RequestBody NewTerritory.Request body, Principal p) throws SQLException {
        Account a = Principals.staff(p);
        if (!a.globalAdmin()) {
            throw AccessProblem.forbidden();
        }
        ImportResult r = newTerritory.create(body, a.login());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("territory", body.key().strip());
        m.put("batch_id", r.batchId());
        m.put("levels", r.rows() - 1);
        return ResponseEntity.status(HttpStatus.CREATED).body(m);
    }
}
