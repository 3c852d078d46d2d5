package de.chancenatlas.ogc.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Both tiers stay within their bounds, and a tile evicted from the disk tier leaves no file behind. */
class TileCacheTest {
    private static TileCache.Key key(int i) {
        return new TileCache.Key("1/koeln|", "koeln.a.b", "standard", "2019-12-31", "GoogleMapsCompatible", 12, i, i, "image/png");
    }

    private static long files(Path dir) throws Exception {
        try (var s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void memoryAndDiskAreBounded() throws Exception {
        Path dir = Path.of("target/tile-cache-bounds");
        TileCache cache = new TileCache(64 * 1024, dir, 256 * 1024);
        byte[] tile = new byte[4096];
        for (int i = 0; i < 500; i++) {
            tile[0] = (byte) i;
            cache.put(key(i), tile.clone());
        }
        cache.cleanUp();
        var stats = cache.stats();
        assertThat((Long) stats.get("memory_bytes")).isLessThanOrEqualTo(64 * 1024);
        assertThat((Long) stats.get("disk_bytes")).isLessThanOrEqualTo(256 * 1024);
        assertThat(files(dir)).as("evicted files deleted").isLessThanOrEqualTo(256 / 4).isEqualTo((Long) stats.get("disk_tiles"));
        // a tile gone from memory but kept on disk comes back from there
        int found = 0;
        for (int i = 0; i < 500; i++) {
            byte[] b = cache.get(key(i));
            if (b != null) {
                assertThat(b[0]).isEqualTo((byte) i);
                found++;
            }
        }
        assertThat(found).isGreaterThan(16);   // more than memory alone holds (64 KiB of 4 KiB tiles)
        // a restart starts with an empty folder: its index was in memory
        new TileCache(64 * 1024, dir, 256 * 1024);
        assertThat(files(dir)).isZero();
    }
}
