package de.chancenatlas.server.api;

import de.chancenatlas.core.imports.ImportRejected;
import de.chancenatlas.core.imports.ImportResult;
import de.chancenatlas.core.imports.Progress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Running and finished imports with their progress, for the batch status resource. Two imports run
 * at a time, a few more wait; beyond that the server says it is busy instead of queueing forever.
 * Finished jobs are kept for an hour.
 */
@Component
public class ImportJobs {
    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    /** The work of one import, reporting to the progress it is given. */
    public interface Work {
        ImportResult run(Progress progress) throws Exception;
    }

    public static final class Job {
        public final String id = UUID.randomUUID().toString();
        public final String territory;
        public final String kind;
        public final String fileName;
        public final Instant started = Instant.now();
        volatile String state = "queued";
        volatile String phase = "";
        volatile long done;
        volatile long total;
        volatile Instant finished;
        volatile ImportResult result;
        volatile ImportRejected rejected;
        volatile String error;

        Job(String territory, String kind, String fileName) {
            this.territory = territory;
            this.kind = kind;
            this.fileName = fileName;
        }

        public Map<String, Object> view() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("territory", territory);
            m.put("kind", kind);
            m.put("file_name", fileName);
            m.put("state", state);
            m.put("phase", phase);
            m.put("done", done);
            m.put("total", total);
            m.put("percent", total == 0 ? 0 : Math.min(100, done * 100 / total));
            m.put("started", started.toString());
            m.put("finished", finished == null ? null : finished.toString());
            if (result != null) {
                m.put("result", result);
            }
            if (rejected != null) {
                m.put("problems", rejected.problems());
                m.put("problem_count", rejected.total());
            }
            if (error != null) {
                m.put("error", error);
            }
            return m;
        }

        public ImportResult result() {
            return result;
        }

        public ImportRejected rejected() {
            return rejected;
        }

        public String error() {
            return error;
        }
    }

    /** All import slots are taken: the client should try again later (HTTP 503). */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("too many imports running");
        }
    }

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(8));

    public Job get(String id) {
        return jobs.get(id);
    }

    /** Runs the import in the background; the job resource tells how far it is. */
    public Job submit(String territory, String kind, String fileName, Work work) {
        Job job = register(territory, kind, fileName);
        try {
            pool.execute(() -> execute(job, work));
        } catch (RejectedExecutionException e) {
            jobs.remove(job.id);
            throw new Busy();
        }
        return job;
    }

    /** Runs the import in the calling thread, still visible as a job while it runs. */
    public Job runNow(String territory, String kind, String fileName, Work work) {
        Job job = register(territory, kind, fileName);
        execute(job, work);
        return job;
    }

    private Job register(String territory, String kind, String fileName) {
        Instant cutoff = Instant.now().minusSeconds(3600);
        jobs.values().removeIf(j -> j.finished != null && j.finished.isBefore(cutoff));
        Job job = new Job(territory, kind, fileName);
        jobs.put(job.id, job);
        return job;
    }

    private void execute(Job job, Work work) {
        job.state = "running";
        try {
            job.result = work.run((phase, done, total) -> {
                job.phase = phase;
                job.done = done;
                job.total = total;
            });
            job.state = "done";
        } catch (ImportRejected e) {
            job.rejected = e;
            job.state = "rejected";
        } catch (Exception e) {
            log.error("Import {} of {} failed", job.id, job.fileName, e);
            job.error = "Import fehlgeschlagen, nichts wurde geschrieben / import failed, nothing was written";
            job.state = "failed";
        } finally {
            job.finished = Instant.now();
        }
    }

    public List<Job> all() {
        return List.copyOf(jobs.values());
    }
}
