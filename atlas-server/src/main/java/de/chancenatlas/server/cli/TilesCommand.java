package de.chancenatlas.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@code ./atlas tiles seed T}: seeding belongs to the running server (its cache is in its memory and
 * its index of the disk tier), so the command asks the server's admin API to seed and prints the
 * progress until the job ends. Credentials: an API token ({@code ./atlas token}) in ATLAS_TOKEN.
 */
final class TilesCommand {
    static final String USAGE = """
              ./atlas tiles seed T [--max-resolution 5] [--all-periods] [--url http://localhost:8080]
                                                   tile cache: seed T's public layers in the running server (token in ATLAS_TOKEN)
              ./atlas tiles status T | cancel T    progress of the seeding job / stop it
            """;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintStream out;

    TilesCommand(PrintStream out) {
        this.out = out;
    }

    int run(Cli.Args a) throws Exception {
        if (a.positional().size() != 2 || !a.positional().get(1).matches("[a-z][a-z0-9_-]{1,39}")) {
            throw new IllegalArgumentException("Aufruf / usage:\n" + USAGE);
        }
        String action = a.positional().get(0);
        String territory = a.positional().get(1);
        String token = System.getenv("ATLAS_TOKEN");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("ATLAS_TOKEN fehlt: ein API-Token eines Gebietsadministrators (./atlas token LOGIN NAME) / "
                    + "ATLAS_TOKEN missing: an API token of a territory administrator");
        }
        String base = a.options().getOrDefault("url", "http://localhost:" + System.getenv().getOrDefault("ATLAS_PORT", "8080"));
        String path = base + "/api/v1/territories/" + territory + "/tiles/seed";
        HttpClient http = HttpClient.newHttpClient();
        JsonNode job = switch (action) {
            case "seed" -> send(http, HttpRequest.newBuilder(URI.create(path + "?max_resolution="
                    + URLEncoder.encode(a.options().getOrDefault("max-resolution", "5"), StandardCharsets.UTF_8) + "&all_periods="
                    + a.options().containsKey("all-periods"))).POST(HttpRequest.BodyPublishers.noBody()), token);
            case "status" -> send(http, HttpRequest.newBuilder(URI.create(path)).GET(), token);
            case "cancel" -> send(http, HttpRequest.newBuilder(URI.create(path + "/cancel")).POST(HttpRequest.BodyPublishers.noBody()), token);
            default -> throw new IllegalArgumentException("Aufruf / usage:\n" + USAGE);
        };
        while (!"status".equals(action) && java.util.Set.of("wartend", "läuft").contains(job.path("state").asText())) {
            print(job);
            Thread.sleep(2000);
            job = send(http, HttpRequest.newBuilder(URI.create(path)).GET(), token);
        }
        print(job);
        return "fehlgeschlagen".equals(job.path("state").asText()) ? 1 : 0;
    }

    private void print(JsonNode job) {
        out.printf(Locale.GERMANY, "%s: %s, %,d von %,d Metakacheln (%.1f %%), davon %,d gezeichnet, %,d fehlgeschlagen%n",
                job.path("territory").asText(), job.path("state").asText(), job.path("metatiles_done").asLong(),
                job.path("metatiles_total").asLong(), job.path("percent").asDouble(), job.path("metatiles_drawn").asLong(),
                job.path("metatiles_failed").asLong());
    }

    private static JsonNode send(HttpClient http, HttpRequest.Builder b, String token) throws Exception {
        HttpResponse<String> r = http.send(b.header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() >= 400) {
            String why = r.statusCode() == 401 || r.statusCode() == 403 ? "keine Berechtigung / not allowed"
                    : r.body().isBlank() ? "HTTP " + r.statusCode() : JSON.readTree(r.body()).path("error").asText("HTTP " + r.statusCode());
            throw new IllegalArgumentException(why);
        }
        return JSON.readTree(r.body());
    }
}
