package de.chancenatlas.geoserver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The few calls the sync makes to GeoServer's REST API ({@code <url>/rest/...}), on the JDK's HTTP
 * client: GeoServer's own Java client is not on Maven Central. The password is kept only in the
 * authorisation header and never appears in a message or exception.
 */
public class GeoServerClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
    private final String base;
    private final String auth;

    /** @param url GeoServer's base address, e.g. {@code https://gis.example.de/geoserver} */
    public GeoServerClient(String url, String user, String password) {
        URI u;
        try {
            u = URI.create(url.strip().replaceAll("/+$", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("GeoServer-Adresse nicht lesbar / GeoServer address not readable: " + url);
        }
        if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null || u.getUserInfo() != null) {
            throw new IllegalArgumentException("GeoServer-Adresse muss http(s)://host/… ohne Zugangsdaten sein / "
                    + "GeoServer address must be http(s)://host/… without credentials: " + u.getScheme() + "://" + u.getHost());
        }
        this.base = u.toString();
        this.auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public String base() {
        return base;
    }

    /** GET of a REST path ({@code /rest/...}); null when GeoServer answers 404. */
    public String get(String path) {
        HttpResponse<String> r = send("GET", path, null, null);
        if (r.statusCode() == 404) {
            return null;
        }
        check("GET", path, r);
        return r.body();
    }

    /** A request with a body (POST, PUT) or without (DELETE); fails unless GeoServer answers 2xx. */
    public void send(String method, String path, String contentType, String body, boolean tolerate404) {
        HttpResponse<String> r = send(method, path, contentType, body);
        if (tolerate404 && r.statusCode() == 404) {
            return;
        }
        check(method, path, r);
    }

    /** GET of any path below the base (an OGC request); the raw bytes, with the status checked. */
    public byte[] getBytes(String pathAndQuery, boolean authenticated) {
        var b = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(120)).GET();
        if (authenticated) {
            b.header("Authorization", auth);
        }
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() / 100 != 2) {
                throw new GeoServerException("GET " + pathAndQuery + ": HTTP " + r.statusCode());
            }
            return r.body();
        } catch (IOException e) {
            throw new GeoServerException("GeoServer nicht erreichbar / not reachable (" + base + "): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GeoServerException("unterbrochen / interrupted");
        }
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body) {
        var b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120)).header("Authorization", auth);
        if (body != null) {
            b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        if ("GET".equals(method)) {
            b.header("Accept", "application/xml");
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new GeoServerException("GeoServer nicht erreichbar / not reachable (" + base + "): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GeoServerException("unterbrochen / interrupted");
        }
    }

    private static void check(String method, String path, HttpResponse<String> r) {
        int s = r.statusCode();
        if (s / 100 == 2) {
            return;
        }
        String why = switch (s) {
            case 401 -> "Anmeldung abgelehnt (Benutzer/Passwort) / login refused (user/password)";
            case 403 -> "keine Berechtigung (Administrator nötig) / not permitted (administrator needed)";
            default -> "HTTP " + s;
        };
        String text = r.body() == null ? "" : r.body().replaceAll("\\s+", " ").strip();
        // GeoServer's own message helps an admin; its HTML error pages and stack traces do not
        if (text.length() > 300 || text.startsWith("<")) {
            text = text.length() > 300 ? text.substring(0, 300) + " …" : text;
            text = text.startsWith("<") ? "" : text;
        }
        throw new GeoServerException(method + " " + path + ": " + why + (text.isEmpty() ? "" : " – " + text));
    }

    /** A refusal or failure of GeoServer, in words for the admin. */
    public static final class GeoServerException extends RuntimeException {
        public GeoServerException(String message) {
            super(message);
        }
    }
}
