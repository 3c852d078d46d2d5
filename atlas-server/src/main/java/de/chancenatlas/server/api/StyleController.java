package de.chancenatlas.server.api;

import de.chancenatlas.server.security.Principals;
import de.chancenatlas.core.read.AtlasReader;
import de.chancenatlas.core.style.SldWriter;
import de.chancenatlas.core.style.StyleSet;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Map styles as SLD 1.0, written from the same classification model as the WMS layers' classes, for
 * desktop GIS users who style the WFS layer themselves. Only for indicators the viewer may read.
 */
@RestController
@RequestMapping("/api/v1/territories")
public class StyleController {
    private static final MediaType SLD = new MediaType("application", "vnd.ogc.sld+xml", StandardCharsets.UTF_8);
    private final AtlasReader reader;

    public StyleController(AtlasReader reader) {
        this.reader = reader;
    }

    @GetMapping("/{territory}/indicators/{key}/sld")
    public ResponseEntity<?> sld(@PathVariable String territory, @PathVariable String key, @RequestParam String level,
                                 @RequestParam(required = false) String style, Principal p) throws SQLException {
        if (!StyleSet.known(style)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", 400);
            body.put("title", "Unbekannter Stil / unknown style: " + style + "; angeboten / offered: " + String.join(", ", StyleSet.NAMES));
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(body);
        }
        var viewer = Principals.viewer(p);
        AtlasReader.Indicator indicator = reader.indicator(viewer, territory, key)
                .orElseThrow(() -> new ApiErrors.NotFound("indicator " + key));
        StyleSet styles = reader.styles(viewer, territory, key, level).orElseThrow(() -> new ApiErrors.NotFound("level " + level));
        String levelName = reader.levels(viewer, territory).stream().filter(l -> l.key().equals(level)).findFirst()
                .map(AtlasReader.Level::name).orElse(level);
        String layer = territory + "." + key + "." + level;   // the WMS layer name
        String name = style == null || style.isEmpty() ? StyleSet.DEFAULT : style;
        return ResponseEntity.ok().contentType(SLD)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + layer + "." + name + ".sld\"")
                .body(SldWriter.write(layer, indicator.title() + " – " + levelName, styles, name));
    }
}
