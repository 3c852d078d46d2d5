package de.chancenatlas.server.web;

import de.chancenatlas.ogc.OgcException;
import de.chancenatlas.ogc.OgcResponse;
import de.chancenatlas.server.api.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whatever ends on the servlet container's error page (a 401 of the login, a 403 of the security
 * filters, a request the container refused) gets the atlas's own answer: the problem JSON, or an
 * OGC exception report on the OGC endpoints. {@code /error} asked for directly is a path like any
 * other that does not exist (Spring's page answered {@code {"status": 999}}).
 */
@RestController
public class ErrorPage implements ErrorController {

    @RequestMapping("/error")
    public ResponseEntity<?> error(HttpServletRequest request) {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer i && i >= 400 ? i : 404;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String u && isOws(u)) {
            return ogc(status, Problems.title(status));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Problems.body(status, Problems.title(status)));
    }

    /** The OGC endpoints: {@code /ows} and {@code /{territory}/ows}. */
    static boolean isOws(String path) {
        return path.equals("/ows") || path.matches("/[^/]+/ows");
    }

    /** An OWS exception report (clients of /ows parse XML, not JSON) with the given HTTP status. */
    static ResponseEntity<byte[]> ogc(int status, String text) {
        OgcResponse r = new OgcException(status == 404 ? "NotFound" : status >= 500 ? "NoApplicableCode" : "InvalidParameterValue", null, text)
                .report(null, null);
        return ResponseEntity.status(status).contentType(MediaType.parseMediaType(r.contentType())).body(r.body());
    }
}
