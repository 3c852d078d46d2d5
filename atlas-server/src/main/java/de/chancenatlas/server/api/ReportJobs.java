package de.chancenatlas.server.api;

import de.chancenatlas.reports.Rendered;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Report books being made, with their progress. One book at a time (a book keeps both cores busy),
 * three more may wait; finished books are kept for an hour for their owner to fetch.
 */
@Component
public class ReportJobs {
    private static final Logger log = LoggerFactory.getLogger(ReportJobs.class);
    private static final Duration KEEP = Duration.ofHours(1);
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(3),
            r -> new Thread(r, "report-book"));

    /** Too many books asked for at once. */
    public static class Busy extends RuntimeException {
    }

    /** The work of one book, reporting units done of all. */
    public interface Work {
        Rendered run(de.chancenatlas.reports.ReportService.Progress progress) throws Exception;
    }

    public static final class Job {
        final String id = UUID.randomUUID().toString();
        final String owner;
        final String territory;
        final Instant started = Instant.now();
        volatile String state = "queued";
        volatile int done;
        volatile int total;
        volatile Instant finished;
        volatile Rendered result;
        volatile String error;

        Job(String owner, String territory) {
            this.owner = owner;
            this.territory = territory;
        }

        Map<String, Object> view() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("territory", territory);
            m.put("state", state);
            m.put("done", done);
            m.put("total", total);
            m.put("percent", total == 0 ? 0 : done * 100 / total);
            m.put("started", started.toString());
            m.put("finished", finished == null ? null : finished.toString());
            if (error != null) {
                m.put("error", error);
            }
            return m;
        }
    }

    Job start(String owner, String territory, Work work) {
        forgetOld();
        Job job = new Job(owner, territory);
        try {
            pool.execute(() -> {
                job.state = "running";
                try {
                    job.result = work.run((done, total) -> {
                        job.done = done;
                        job.total = total;
                    });
                    job.state = "done";
                } catch (Exception e) {
                    log.error("Report book failed", e);
                    job.error = e.getMessage();
                    job.state = "failed";
                } finally {
                    job.finished = Instant.now();
                }
            });
        } catch (RejectedExecutionException e) {
            throw new Busy();
        }
        jobs.put(job.id, job);
        return job;
    }

    /** A job of this owner in this territory; others' jobs do not exist for the asker. */
    Optional<Job> get(String id, String owner, String territory) {
        Job j = jobs.get(id);
        return j != null && j.owner.equals(owner) && j.territory.equals(territory) ? Optional.of(j) : Optional.empty();
    }

    private void forgetOld() {
        Instant limit = Instant.now().minus(KEEP);
        jobs.values().removeIf(j -> j.finished != null && j.finished.isBefore(limit));
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
