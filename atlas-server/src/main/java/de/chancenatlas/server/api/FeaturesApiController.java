package de.chancenatlas.server.api;

import de.chancenatlas.ogc.FeaturesApi;
import de.chancenatlas.ogc.OgcService;
import de.chancenatlas.server.security.Principals;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * OGC API – Features: {@code /ogcapi} for all territories, {@code /{territory}/ogcapi} for one
 * ({@link FeaturesApi}). Basic credentials switch the view as on {@code /ows}.
 */
@RestController
public class FeaturesApiController {
    private static final String ALL = "/ogcapi";
    private static final String ONE = "/{territory:[a-z][a-z0-9_-]{1,39}}/ogcapi";
    private final FeaturesApi api;

    public FeaturesApiController(OgcService ogc) {
        this.api = new FeaturesApi(ogc);
    }

    @GetMapping({ALL, ALL + "/", ALL + "/**"})
    public ResponseEntity<byte[]> all(HttpServletRequest request, Principal who) {
        return answer(null, request, who);
    }

    @GetMapping({ONE, ONE + "/", ONE + "/**"})
    public ResponseEntity<byte[]> territory(@PathVariable String territory, HttpServletRequest request, Principal who) {
        return answer(territory, request, who);
    }

    private ResponseEntity<byte[]> answer(String territory, HttpServletRequest request, Principal who) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        String root = (territory == null ? "" : "/" + territory) + "/ogcapi";
        String path = uri.length() <= root.length() ? "" : uri.substring(root.length() + 1);
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String url = request.getRequestURL().toString();
        String base = url.substring(0, url.length() - uri.length()) + request.getContextPath() + root;
        FeaturesApi.Answer a = api.handle(Principals.viewer(who), territory, path, request.getParameterMap(), request.getHeader(HttpHeaders.ACCEPT), base);
        var r = ResponseEntity.status(a.status()).contentType(MediaType.parseMediaType(a.type())).header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        a.headers().forEach(r::header);
        return r.body(a.body());
    }
}
