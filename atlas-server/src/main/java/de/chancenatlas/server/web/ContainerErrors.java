package de.chancenatlas.server.web;

import de.chancenatlas.server.api.Problems;
import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before the application sees them (an encoded NUL or backslash in the
 * path, a malformed URI) get the atlas's problem JSON, or an OGC exception report on the OGC
 * endpoints, instead of Tomcat's HTML page.
 */
@Component
public class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        // the host creates its error report valve when it starts, after the context is configured
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(Valve.class.getName());
            }
        });
    }

    /** Tomcat's error report, written as the atlas writes its errors. */
    public static class Valve extends ErrorReportValve {
        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0) {
                return;
            }
            AtomicBoolean io = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, io);
            if (!io.get()) {
                return;
            }
            String uri = request.getDecodedRequestURI() != null ? request.getDecodedRequestURI() : request.getRequestURI();
            boolean ows = uri != null && ErrorPage.isOws(uri);
            String title = Problems.title(status);
            String text;
            if (ows) {
                var r = ErrorPage.ogc(status, title);
                response.setContentType(r.getHeaders().getContentType().toString());
                text = new String(r.getBody(), java.nio.charset.StandardCharsets.UTF_8);
            } else {
                response.setContentType("application/json");
                text = "{\"status\":" + status + ",\"title\":\"" + title + "\"}";
            }
            response.setCharacterEncoding("UTF-8");
            try {
                Writer w = response.getReporter();
                if (w != null) {
                    w.write(text);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client went away: nothing to report to
            }
        }
    }
}
