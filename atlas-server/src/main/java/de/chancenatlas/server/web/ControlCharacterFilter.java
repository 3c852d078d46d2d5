package de.chancenatlas.server.web;

import de.chancenatlas.server.api.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Control characters (NUL, escape, the C1 range, ...) in a path or in any parameter name or value are
 * refused with 400 before anything else sees the request: a NUL reached PostgreSQL ("invalid byte
 * sequence") and MapServer. Tab, line feed and carriage return stay allowed in parameter values
 * (an XML FILTER may be formatted), not in paths. The answer is the OGC exception report on the
 * OGC endpoints and the problem JSON everywhere else.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ControlCharacterFilter extends OncePerRequestFilter {
    /** A percent-encoded control character in a raw path: %00-%1F, %7F, and C1 as UTF-8 (%C2%80-%C2%9F). */
    private static final Pattern ENCODED = Pattern.compile("(?i)%(?:[01][0-9a-f]|7f|c2%[89][0-9a-f])");
    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI();
        String bad = ENCODED.matcher(uri).find() || control(uri, false) ? "Pfad / path" : null;
        if (bad == null) {
            for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
                if (control(e.getKey(), false)) {
                    bad = "Parametername / parameter name";
                    break;
                }
                for (String v : e.getValue()) {
                    if (control(v, true)) {
                        bad = "Parameter " + e.getKey();
                        break;
                    }
                }
                if (bad != null) {
                    break;
                }
            }
        }
        if (bad == null) {
            chain.doFilter(request, response);
            return;
        }
        String text = "Steuerzeichen in " + bad + " sind nicht erlaubt / control characters are not allowed";
        String path = uri.substring(request.getContextPath().length());
        response.setStatus(400);
        if (ErrorPage.isOws(path)) {
            var r = ErrorPage.ogc(400, text);
            response.setContentType(r.getHeaders().getContentType().toString());
            response.getOutputStream().write(r.getBody());
        } else {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), Problems.body(400, text));
        }
    }

    /** Whether the text holds a control character; {@code whitespace}: tab, LF and CR are text. */
    static boolean control(String s, boolean whitespace) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && !(whitespace && (c == '\t' || c == '\n' || c == '\r'))) || (c >= 0x7f && c <= 0x9f)) {
                return true;
            }
        }
        return false;
    }
}
