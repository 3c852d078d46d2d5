package de.chancenatlas.server.web;

import de.chancenatlas.server.security.Principals;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.stereotype.Controller;

/**
 * The web atlas (atlas-web, built into classpath:/static): every page address is a permalink that
 * answers the single page, which then reads the REST API as the viewer it is. The page itself holds no
 * data, so the same HTML goes to everyone.
 */
@Controller
public class WebController {
    private static final String T = "{territory:[a-z0-9][a-z0-9-]*}";
    private final Resource index = new ClassPathResource("static/index.html");

    @GetMapping({"/", "/anmelden", "/passwort", "/login", "/" + T, "/" + T + "/indikator/{key}", "/" + T + "/gebiet/{code}",
        "/" + T + "/vergleich", "/verwaltung", "/" + T + "/verwaltung", "/" + T + "/verwaltung/**"})
    public ResponseEntity<?> page() {
        if (!index.exists()) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                    .body("Die Web-Oberfläche ist nicht gebaut (./atlas run baut sie mit npm). "
                            + "The web atlas is not built (./atlas run builds it with npm).");
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noCache()).body(index);
    }

    /**
     * Who the browser is, and the CSRF token its forms send (login, logout, password change). Open to
     * everyone, so that asking never triggers a login dialog. The token starts a session, so anonymous
     * visitors get one only when they ask for it ({@code csrf=1}, the login page): reading stays sessionless.
     */
    @GetMapping(value = "/api/v1/session", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    public ResponseEntity<Map<String, Object>> session(Principal p, HttpServletRequest request,
                                                       @org.springframework.web.bind.annotation.RequestParam(defaultValue = "0") String csrf) {
        Map<String, Object> m = new LinkedHashMap<>();
        var account = Principals.account(p);
        m.put("authenticated", account.isPresent());
        account.ifPresent(a -> {
            m.put("login", a.login());
            m.put("display_name", a.displayName());
            m.put("must_change_password", a.mustChangePassword());
            m.put("territories", a.viewer().territories());
            // the web atlas shows each user the admin console sections their grants allow; the API checks again
            m.put("global_admin", a.globalAdmin());
            m.put("grants", a.grants());
        });
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        if (token != null && (account.isPresent() || "1".equals(csrf))) {
            m.put("csrf", Map.of("header", token.getHeaderName(), "parameter", token.getParameterName(), "token", token.getToken()));
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(m);
    }
}
