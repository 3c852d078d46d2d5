package de.chancenatlas.ogc.tiles;

import de.chancenatlas.core.read.Viewer;
import de.chancenatlas.ogc.OgcException;
import de.chancenatlas.ogc.ViewerScope;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Seeding: draws a territory's public layers into the cache ahead of the first visitor, for both
 * tile matrix sets, from the overview down to a pixel size, as an anonymous viewer (seeding never
 * fills the cache with internal data). One job at a time, in the background, one metatile after
 * the other so that visitors' maps keep the MapServer workers; progress readable while it runs.
 */
public final class TileSeeder implements AutoCloseable {
    /** Progress of a seeding job. */
    public static final class Job {
        public final String territory;
        public final double maxResolution;
        public final boolean allPeriods;
        public final Instant started = Instant.now();
        final AtomicLong total = new AtomicLong();
        final AtomicLong done = new AtomicLong();
        final AtomicLong drawn = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        volatile String state = "wartend";
        volatile Instant finished;
        volatile boolean cancelled;

        Job(String territory, double maxResolution, boolean allPeriods) {
            this.territory = territory;
            this.maxResolution = maxResolution;
            this.allPeriods = allPeriods;
        }

        /** For the admin API: state (wartend, läuft, fertig, abgebrochen, fehlgeschlagen), counts of metatiles, percent. */
        public Map<String, Object> status() {
            var m = new java.util.LinkedHashMap<String, Object>();
            m.put("territory", territory);
            m.put("state", state);
            m.put("max_resolution_m", maxResolution);
            m.put("all_periods", allPeriods);
            m.put("metatiles_total", total.get());
            m.put("metatiles_done", done.get());
            m.put("metatiles_drawn", drawn.get());
            m.put("metatiles_failed", failed.get());
            m.put("percent", total.get() == 0 ? 0 : Math.round(1000.0 * done.get() / total.get()) / 10.0);
            m.put("started", started.toString());
            m.put("finished", finished == null ? null : finished.toString());
            return m;
        }

        public void cancel() {
            cancelled = true;
        }
    }

    /** One metatile to draw: its first tile stands for it. */
    private record Work(String layer, String style, LocalDate stichtag, TileMatrixSet set, int z, long row, long col) { }

    private final TileService tiles;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tile-seeder");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    public TileSeeder(TileService tiles) {
        this.tiles = tiles;
    }

    /**
     * Queues seeding of a territory's public layers. A job already waiting or running for it is returned instead.
     *
     * @param maxResolution the finest pixel size to seed, in metres (the levels down to it)
     * @param allPeriods    every reporting date, not only the latest
     */
    public Job start(String territory, double maxResolution, boolean allPeriods) {
        if (!(maxResolution >= 0.125 && maxResolution <= 100_000)) {
            throw new IllegalArgumentException("Pixelgröße zwischen 0,125 und 100000 m / pixel size between 0.125 and 100000 m");
        }
        List<Work> work = plan(territory, maxResolution, allPeriods);   // refuses an unknown or closed territory now, not in the background
        Job running = jobs.get(territory);
        if (running != null && running.finished == null) {
            return running;
        }
        Job job = new Job(territory, maxResolution, allPeriods);
        job.total.set(work.size());
        jobs.put(territory, job);
        thread.submit(() -> run(job, work));
        return job;
    }

    public Job job(String territory) {
        return jobs.get(territory);
    }

    private void run(Job job, List<Work> work) {
        job.state = "läuft";
        try {
            for (Work w : work) {
                if (job.cancelled) {
                    job.state = "abgebrochen";
                    return;
                }
                try {
                    if (!tiles.tile(Viewer.ANONYMOUS, job.territory, w.layer(), w.style(), w.stichtag() == null ? null : w.stichtag().toString(),
                            w.set().id(), String.valueOf(w.z()), String.valueOf(w.row()), String.valueOf(w.col()), TileService.PNG).hit()) {
                        job.drawn.incrementAndGet();
                    }
                } catch (OgcException e) {
                    job.failed.incrementAndGet();   // a layer withdrawn meanwhile: the rest goes on
                }
                job.done.incrementAndGet();
            }
            job.state = "fertig";
        } catch (RuntimeException e) {
            job.state = "fehlgeschlagen";
            org.slf4j.LoggerFactory.getLogger(TileSeeder.class).error("Seeding {} failed", job.territory, e);
        } finally {
            job.finished = Instant.now();
        }
    }

    /** The metatiles over each public layer's extent, coarse levels first. */
    private List<Work> plan(String territory, double maxResolution, boolean allPeriods) {
        ViewerScope scope = tiles.scope(Viewer.ANONYMOUS, territory);
        if (scope == null) {
            throw new IllegalArgumentException("Das Gebiet hat keine öffentlichen Ebenen / the territory has no public layers");
        }
        Map<String, TileService.LayerInfo> infos = tiles.layers(Viewer.ANONYMOUS, territory, scope);
        List<Work> work = new ArrayList<>();
        for (TileService.LayerInfo l : infos.values()) {
            if (!l.territory().equals(territory) || l.wgs84() == null) {
                continue;
            }
            List<LocalDate> dates = l.periods().isEmpty() ? java.util.Collections.singletonList(null)
                    : allPeriods ? l.periods() : List.of(l.periods().stream().max(LocalDate::compareTo).orElseThrow());
            for (TileMatrixSet set : tiles.matrixSets(infos, l)) {
                double[] e = set == TileMatrixSet.GOOGLE ? mercator(l.wgs84()) : l.extent();
                if (e == null) {
                    continue;
                }
                for (int z = 0; z < set.levels(); z++) {
                    double size = set.resolution(z) * TileMatrixSet.TILE;
                    long c0 = Math.max(0, (long) Math.floor((e[0] - set.originX()) / size));
                    long c1 = Math.min(set.matrixWidth(z) - 1, (long) Math.floor((e[2] - set.originX()) / size));
                    long r0 = Math.max(0, (long) Math.floor((set.originY() - e[3]) / size));
                    long r1 = Math.min(set.matrixHeight(z) - 1, (long) Math.floor((set.originY() - e[1]) / size));
                    for (LocalDate d : dates) {
                        for (long r = r0 - r0 % TileService.META; r <= r1; r += TileService.META) {
                            for (long c = c0 - c0 % TileService.META; c <= c1; c += TileService.META) {
                                work.add(new Work(l.name(), l.styles().get(0), d, set, z, r, c));
                            }
                        }
                    }
                    if (set.resolution(z) <= maxResolution) {
                        break;
                    }
                }
            }
        }
        return work;
    }

    /** Longitude/latitude box to EPSG:3857 (spherical Mercator, the formula of the projection itself). */
    static double[] mercator(double[] lonLat) {
        double r = 6378137;
        return new double[] {Math.toRadians(lonLat[0]) * r, Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lonLat[1]) / 2)) * r,
            Math.toRadians(lonLat[2]) * r, Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lonLat[3]) / 2)) * r};
    }

    @Override
    public void close() {
        jobs.values().forEach(Job::cancel);
        thread.shutdownNow();
    }
}
