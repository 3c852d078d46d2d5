package de.chancenatlas.geoserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A client that keeps GeoServer's answers to the sync's GETs (one file per path; a missing file is
 * GeoServer's 404), or, with no GeoServer, replays them: so the planner is tested in CI on what the
 * real GeoServer answered.
 */
class RecordingClient extends GeoServerClient {
    private final Path dir;
    private final boolean replay;

    private RecordingClient(String url, String user, String password, Path dir, boolean replay) {
        super(url, user, password);
        this.dir = dir;
        this.replay = replay;
    }

    static RecordingClient recording(String url, String user, String password, Path dir) {
        return new RecordingClient(url, user, password, dir, false);
    }

    static RecordingClient replaying(Path dir) {
        return new RecordingClient("http://recorded.invalid/geoserver", "-", "-", dir, true);
    }

    static String file(String path) {
        return URLEncoder.encode(path, StandardCharsets.UTF_8).replace("%2F", "~") + ".txt";
    }

    @Override
    public String get(String path) {
        Path f = dir.resolve(file(path));
        try {
            if (replay) {
                return Files.exists(f) ? Files.readString(f) : null;
            }
            String answer = super.get(path);
            Files.createDirectories(dir);
            if (answer != null) {
                Files.writeString(f, answer);
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void send(String method, String path, String contentType, String body, boolean tolerate404) {
        if (replay) {
            throw new IllegalStateException("replay only reads: " + method + " " + path);
        }
        super.send(method, path, contentType, body, tolerate404);
    }
}
