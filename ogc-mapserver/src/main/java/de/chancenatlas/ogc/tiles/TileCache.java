package de.chancenatlas.ogc.tiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;

/**
 * Rendered tiles in two bounded tiers, both Caffeine (size-bounded, frequency-aware eviction): memory
 * up to {@code memoryBytes}, and files on disk up to {@code diskBytes} whose index is a Caffeine
 * cache that deletes a file when it evicts its entry. The disk folder is emptied on start: its index
 * lives in memory, and a file nobody indexes would never be evicted.
 *
 * <p>The key carries everything a tile depends on (see {@link Key}); nothing is ever invalidated,
 * a new generation simply asks for new keys and the old tiles age out.
 */
public final class TileCache {
    /**
     * @param scope  the audience scope and data generation ({@link de.chancenatlas.ogc.ViewerScope#key()})
     * @param time   the Stichtag drawn, or "" for a layer without periods
     * @param matrix tile matrix set id
     */
    public record Key(String scope, String layer, String style, String time, String matrix, int z, long row, long col, String format) {
        String fileName() {
            try {
                byte[] d = MessageDigest.getInstance("SHA-256").digest(toString().getBytes(StandardCharsets.UTF_8));
                String hex = HexFormat.of().formatHex(d, 0, 16);
                return hex.substring(0, 2) + "/" + hex.substring(2);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final Cache<Key, byte[]> memory;
    private final Cache<Key, Path> disk;
    private final Path dir;

    public TileCache(long memoryBytes, Path dir, long diskBytes) {
        this.dir = dir;
        this.memory = Caffeine.newBuilder().maximumWeight(memoryBytes)
                .weigher((Key k, byte[] v) -> v.length + 200).recordStats().build();
        if (dir == null || diskBytes <= 0) {
            this.disk = null;
            return;
        }
        wipe(dir);
        // weighed in KiB so that a tier of terabytes still fits Caffeine's int weights, each file by the
        // 4 KiB blocks it occupies: most tiles are far smaller, and the bound is meant for the disk
        this.disk = Caffeine.newBuilder().maximumWeight(Math.max(1, diskBytes / 1024))
                .weigher((Key k, Path p) -> (int) Math.min(Integer.MAX_VALUE, (size(p) + 4095) / 4096 * 4))
                .executor(Runnable::run)   // files deleted on eviction right away, not some time later in the common pool
                .removalListener((Key k, Path p, RemovalCause cause) -> {
                    if (p != null && cause != RemovalCause.REPLACED) {
                        delete(p);
                    }
                })
                .recordStats().build();
    }

    /** The tile, from memory or disk (then kept in memory again), or null. */
    public byte[] get(Key key) {
        byte[] b = memory.getIfPresent(key);
        if (b != null || disk == null) {
            return b;
        }
        Path p = disk.getIfPresent(key);
        if (p == null) {
            return null;
        }
        try {
            b = Files.readAllBytes(p);
        } catch (IOException e) {
            disk.invalidate(key);   // removed from outside: a miss
            return null;
        }
        memory.put(key, b);
        return b;
    }

    public void put(Key key, byte[] tile) {
        memory.put(key, tile);
        if (disk == null) {
            return;
        }
        Path file = dir.resolve(key.fileName());
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "tile", ".tmp");
            Files.write(tmp, tile);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            disk.put(key, file);
        } catch (IOException e) {
            // a full or read-only disk costs the disk tier, not the tile: it is in memory and goes out anyway
            org.slf4j.LoggerFactory.getLogger(TileCache.class).warn("Tile not written to the disk cache: {}", e.toString());
        }
    }

    /** Counts for the administrator: entries and bytes per tier, hits and misses of the memory tier. */
    public java.util.Map<String, Object> stats() {
        var m = new java.util.LinkedHashMap<String, Object>();
        var s = memory.stats();
        m.put("memory_tiles", memory.estimatedSize());
        m.put("memory_bytes", memory.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L));
        m.put("memory_limit_bytes", memory.policy().eviction().map(e -> e.getMaximum()).orElse(0L));
        m.put("memory_hits", s.hitCount());
        m.put("memory_misses", s.missCount());
        if (disk != null) {
            m.put("disk_tiles", disk.estimatedSize());
            m.put("disk_bytes", disk.policy().eviction().map(e -> e.weightedSize().orElse(0) * 1024).orElse(0L));
            m.put("disk_limit_bytes", disk.policy().eviction().map(e -> e.getMaximum() * 1024).orElse(0L));
        }
        return m;
    }

    /** Runs pending evictions now (Caffeine does them lazily); for tests and the stats. */
    public void cleanUp() {
        memory.cleanUp();
        if (disk != null) {
            disk.cleanUp();
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // taken again by the next wipe on start
        }
    }

    private static void wipe(Path dir) {
        try {
            if (Files.isDirectory(dir)) {
                try (var files = Files.walk(dir)) {
                    for (Path f : files.sorted(Comparator.reverseOrder()).filter(f -> !f.equals(dir)).toList()) {
                        Files.deleteIfExists(f);
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
