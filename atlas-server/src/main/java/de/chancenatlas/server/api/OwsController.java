package de.chancenatlas.server.api;

import de.chancenatlas.ogc.OgcResponse;
import de.chancenatlas.ogc.OgcService;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import de.chancenatlas.server.security.Principals;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/** OGC WMS and WFS: {@code /ows} for all territories, {@code /{territory}/ows} for one. */
@RestController
public class OwsController {
    private static final int MAX_BODY = 1024 * 1024;
    private final OgcService ogc;
    private final de.chancenatlas.ogc.tiles.TileService tiles;

    public OwsController(OgcService ogc, de.chancenatlas.ogc.tiles.TileService tiles) {
        this.ogc = ogc;
        this.tiles = tiles;
    }

    @RequestMapping(value = "/ows", method = {RequestMethod.GET, RequestMethod.POST})
    public ResponseEntity<byte[]> all(HttpServletRequest request, Principal who) throws IOException {
        return answer(null, request, who);
    }

    @RequestMapping(value = "/{territory:[a-z][a-z0-9_-]{1,39}}/ows", method = {RequestMethod.GET, RequestMethod.POST})
    public ResponseEntity<byte[]> territory(@PathVariable String territory, HttpServletRequest request, Principal who) throws IOException {
        return answer(territory, request, who);
    }

    /** Basic credentials on the same endpoint switch the view: staff see their territories' internal layers too. */
    private ResponseEntity<byte[]> answer(String territory, HttpServletRequest request, Principal who) throws IOException {
        String body = null;
        if ("POST".equals(request.getMethod()) && request.getContentType() != null && request.getContentType().contains("xml")) {
            byte[] bytes = request.getInputStream().readNBytes(MAX_BODY + 1);
            body = new String(bytes, StandardCharsets.UTF_8);   // over the limit: the vetting refuses it
        }
        String url = request.getRequestURL().toString() + "?";
        // a tiled GetMap (TILED=true on a tile of a WMTS grid) comes from the tile cache
        var tile = body == null ? tiles.tiledGetMap(Principals.viewer(who), territory, request.getParameterMap()) : null;
        if (tile != null) {
            return WmtsController.answer(tile, Principals.viewer(who));
        }
        OgcResponse r = ogc.handle(Principals.viewer(who), territory, request.getParameterMap(), body, url);
        // MapServer writes GML 3.1.1/2.1.2 as "text/xml; subtype=gml/3.1.1", which Spring cannot parse (the "/" must
        // be quoted; MapServer quotes only gml/3.2.1): quoted here, or every WFS 1.1.0 GetFeature is a 500
        String type = r.contentType().replaceAll("subtype=([^\";]+)", "subtype=\"$1\"");
        return ResponseEntity.status(r.status()).contentType(MediaType.parseMediaType(type)).body(r.body());
    }
}
