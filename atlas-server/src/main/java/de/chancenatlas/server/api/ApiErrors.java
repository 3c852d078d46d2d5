package de.chancenatlas.server.api;

import de.chancenatlas.core.access.AccessProblem;
import de.chancenatlas.core.imports.ImportRejected;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** Errors as JSON a person can act on, in German and English; never a stack trace. */
@RestControllerAdvice
public class ApiErrors {
    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    /** A requested thing does not exist (or does not exist for this viewer). */
    public static class NotFound extends RuntimeException {
        public NotFound(String what) {
            super(what);
        }
    }

    /** A territory whose public area is not open yet (fewer published indicators than its minimum). */
    public static class NotPublic extends RuntimeException {
        public NotPublic(de.chancenatlas.core.read.AtlasReader.Territory t) {
            super(de.chancenatlas.core.access.Publication.notOpen(t.name(), t.key(), t.published(), t.minPublished()));
        }
    }

    @ExceptionHandler(NotPublic.class)
    ResponseEntity<Map<String, Object>> notPublic(NotPublic e) {
        return json(HttpStatus.NOT_FOUND, body(404, e.getMessage()));
    }

    @ExceptionHandler(AccessProblem.class)
    ResponseEntity<Map<String, Object>> access(AccessProblem e) {
        HttpStatus s = switch (e.kind()) {
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        Map<String, Object> body = body(s.value(), e.getMessage());
        if (e.field() != null) {
            body.put("errors", java.util.List.of(new de.chancenatlas.core.admin.FieldErrors.FieldError(e.field(), e.getMessage())));
        }
        return json(s, body);
    }

    @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(Exception e) {
        return json(HttpStatus.BAD_REQUEST, body(400, "Anfrage nicht lesbar (JSON erwartet) / request body not readable (JSON expected)"));
    }

    /** A form with wrong fields: {@code errors: [{field, message}]}, shown by the admin console beside each field. */
    @ExceptionHandler(de.chancenatlas.core.admin.FieldErrors.class)
    ResponseEntity<Map<String, Object>> fields(de.chancenatlas.core.admin.FieldErrors e) {
        Map<String, Object> body = body(400, e.getMessage());
        body.put("errors", e.errors());
        return json(HttpStatus.BAD_REQUEST, body);
    }

    @ExceptionHandler(ImportRejected.class)
    ResponseEntity<Map<String, Object>> rejected(ImportRejected e) {
        Map<String, Object> body = body(422, "Abgelehnt, nichts wurde geändert / rejected, nothing was changed");
        body.put("problem_count", e.total());
        body.put("problems", e.problems());
        return json(HttpStatus.UNPROCESSABLE_ENTITY, body);
    }

    @ExceptionHandler(ImportJobs.Busy.class)
    ResponseEntity<Map<String, Object>> busy(ImportJobs.Busy e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30").contentType(MediaType.APPLICATION_JSON)
                .body(body(503, "Zu viele laufende Importe, bitte später erneut / too many imports running, try again later"));
    }

    /** A period that is none of the indicator's periodicity: the message names the forms that are. */
    @ExceptionHandler(de.chancenatlas.core.text.Periodicity.NotAPeriod.class)
    ResponseEntity<Map<String, Object>> notAPeriod(de.chancenatlas.core.text.Periodicity.NotAPeriod e) {
        return json(HttpStatus.BAD_REQUEST, body(400, e.getMessage()));
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Map<String, Object>> notFound(NotFound e) {
        return json(HttpStatus.NOT_FOUND, body(404, "Nicht gefunden / not found: " + e.getMessage()));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingServletRequestPartException.class,
        MethodArgumentTypeMismatchException.class, MultipartException.class})
    ResponseEntity<Map<String, Object>> badRequest(Exception e) {
        String detail = e instanceof MissingServletRequestParameterException m ? "Parameter fehlt / missing parameter: " + m.getParameterName()
                : e instanceof MissingServletRequestPartException m ? "Datei fehlt / missing file part: " + m.getRequestPartName()
                : e instanceof MethodArgumentTypeMismatchException m ? "Ungültiger Wert für / invalid value for: " + m.getName()
                : "Ungültige Anfrage / bad request";
        return json(HttpStatus.BAD_REQUEST, body(400, detail));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
        return json(HttpStatus.PAYLOAD_TOO_LARGE, body(413, "Datei zu groß / file too large"));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Map<String, Object>> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return json(HttpStatus.NOT_ACCEPTABLE, body(406, "Format nicht verfügbar (application/json, text/csv) / format not available"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e) throws Exception {
        if (e instanceof org.springframework.security.access.AccessDeniedException) {
            throw e;   // Spring Security's 401/403, answered through the error page (web.ErrorPage)
        }
        if (e instanceof org.springframework.web.ErrorResponse r) {
            // Spring's own 4xx (no such path, wrong method, ...): its status and headers (Allow), our body
            int status = r.getStatusCode().value();
            return ResponseEntity.status(status).headers(r.getHeaders()).contentType(MediaType.APPLICATION_JSON)
                    .body(body(status, Problems.title(status)));
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            // a value the database cannot take (a NUL byte in a JSON string, a number out of range): the
            // client's fault, said without the database's words
            if (t instanceof java.sql.SQLException q && q.getSQLState() != null && q.getSQLState().startsWith("22")) {
                log.info("Refused a value the database cannot take: {}", q.getMessage());
                return json(HttpStatus.BAD_REQUEST, body(400, "Ungültiger Wert in der Anfrage / invalid value in the request"));
            }
        }
        log.error("Unexpected error", e);
        return json(HttpStatus.INTERNAL_SERVER_ERROR, body(500, "Interner Fehler, siehe Server-Protokoll / internal error, see the server log"));
    }

    private static Map<String, Object> body(int status, String title) {
        return Problems.body(status, title);
    }

    private static ResponseEntity<Map<String, Object>> json(HttpStatus s, Map<String, Object> body) {
        return ResponseEntity.status(s).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
