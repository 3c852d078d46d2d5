package de.chancenatlas.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.chancenatlas.core.TestAtlas;
import de.chancenatlas.core.db.AtlasDatabase;
import de.chancenatlas.core.db.Audience;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real server on a random port, against the test cluster with the demo loaded, spoken to over
 * HTTP. Test classes extending this share one server (one Spring context).
 */
@SpringBootTest(classes = AtlasServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class ServerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The global administrator created at first start from ATLAS_ADMIN_USER / ATLAS_ADMIN_PASSWORD (application-test.properties). */
    static final String ADMIN = basic("admin", "test-secret");
    final HttpClient http = HttpClient.newHttpClient();
    /** The test servers' data folder (map files): under the module's target/. */
    static final java.nio.file.Path DATA_DIR = java.nio.file.Path.of("target", "test-data").toAbsolutePath();

    @LocalServerPort
    int port;

    /** The server opens its own pools on the test database, as the owner and as the two reader roles. */
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        AtlasDatabase db = TestAtlas.database();
        registry.add("ATLAS_DB_URL", db::jdbcUrl);
        registry.add("ATLAS_DB_USER", db::user);
        registry.add("ATLAS_DB_PASSWORD", db::password);
        registry.add("ATLAS_DB_PUBLIC_PASSWORD", () -> db.password(Audience.PUBLIC));
        registry.add("ATLAS_DB_INTERNAL_PASSWORD", () -> db.password(Audience.INTERNAL));
        registry.add("ATLAS_DEMO_DIR", () -> TestAtlas.demoDir().toString());   // report branding (logos) lives there
        // map files and other server data under target/, whatever the environment says (the launcher
        // exports the user's ATLAS_DATA_DIR: a test server there deleted a running atlas's maps)
        registry.add("ATLAS_DATA_DIR", () -> DATA_DIR.toString());
    }

    @BeforeAll
    static void demo() {
        TestAtlas.withDemo();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        var b = HttpRequest.newBuilder(uri(path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A request without body whose answer is read as bytes (images, documents); headers as name, value pairs. */
    HttpResponse<byte[]> bytes(String method, String path, String... headers) throws Exception {
        var b = HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A request with a JSON (or other) body; method POST, PUT or DELETE. */
    HttpResponse<String> send(String method, String path, String body, String contentType, String auth) throws Exception {
        var b = HttpRequest.newBuilder(uri(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> postJson(String path, String json, String auth) throws Exception {
        return send("POST", path, json, "application/json", auth);
    }

    HttpResponse<String> upload(String path, String fileName, byte[] content, String auth) throws Exception {
        String boundary = UUID.randomUUID().toString();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        var b = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    /** Creates a staff user with a known password (no forced change) through the admin API. */
    String user(String login, String password) throws Exception {
        var r = postJson("/api/v1/users", "{\"login\": \"" + login + "\", \"password\": \"" + password + "\"}", ADMIN);
        if (r.statusCode() != 201 && r.statusCode() != 409) {
            throw new IllegalStateException(r.body());
        }
        return basic(login, password);
    }
}
