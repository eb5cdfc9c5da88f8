package io.annualreport.store.job;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.common.errors.RetriableException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.annualreport.model.event.ReportSubmittedEvent;
import io.annualreport.store.messaging.ResubmitPublisher;
import io.annualreport.store.persistence.ReportFilter;
import io.annualreport.store.persistence.SubmissionReader;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Runs reprocess jobs: sends every report of a filter through the pipeline again in bounded batches, waiting for the
 * broker to acknowledge each batch before the next (so the emitter never overflows), records the cursor after each
 * batch and resumes running jobs from their cursor when store-service starts. The events of a job have ids derived
 * from the job and the report, so a batch sent again after a crash (acknowledged, cursor not yet written) is the same
 * events and makes no second run. A job cancelled in the table ({@link JobStore#cancel}) stops after the batch in
 * flight.
 */
@ApplicationScoped
public class ReprocessJobs {

    /** The emitter's buffer (SmallRye's default): a batch never exceeds it, so it always fits. */
    static final int EMITTER_BUFFER = 128;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    /** How long a process holds a job without writing a batch or a note; then another may take it over. */
    private static final int LEASE_SECONDS = 120;
    /** How often running jobs without a live owner (their process died) are looked for. */
    private static final Duration ORPHAN_CHECK = Duration.ofMinutes(1);

    private final JobStore jobs;
    private final SubmissionReader submissions;
    private final ResubmitPublisher publisher;
    private final ObjectMapper json;
    private final int batchSize;
    private final Set<UUID> queued = ConcurrentHashMap.newKeySet();
    private volatile ExecutorService worker = newWorker();
    /**
     * This process as a job's owner: the instance id that also names its Kafka consumers (INSTANCE_ID, the pod name on
     * Kubernetes), so that a store-service restarted after a crash takes its own job up at once, without waiting for
     * the lease to run out.
     */
    private final String owner = Optional.ofNullable(System.getenv("INSTANCE_ID"))
            .or(() -> Optional.ofNullable(System.getenv("HOSTNAME"))).filter(s -> !s.isBlank())
            .orElse("store-" + UUID.randomUUID());
    private volatile boolean stopping;
    private ScheduledExecutorService orphans;

    public ReprocessJobs(JobStore jobs, SubmissionReader submissions, ResubmitPublisher publisher,
            ObjectMapper json, @ConfigProperty(name = "jobs.batch-size", defaultValue = "100") int batchSize) {
        this.batchSize = Math.max(1, Math.min(batchSize, EMITTER_BUFFER));
        this.jobs = jobs;
        this.submissions = submissions;
        this.publisher = publisher;
        this.json = json;
    }

    /** The id of the event that resubmits one report in one job. */
    public static UUID eventId(UUID jobId, String reportId) {
        return UUID.nameUUIDFromBytes((jobId + "|reprocess|" + reportId).getBytes(StandardCharsets.UTF_8));
    }

    /** Creates a job over the reports that match the filter now and starts it in the background. */
    public Job start(ReportFilter filter) {
        String filterJson;
        try {
            filterJson = json.writeValueAsString(filter);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the filter cannot be stored", e);
        }
        Job created = jobs.create(UUID.randomUUID(), Job.REPROCESS, filterJson);
        Job job = jobs.total(created.jobId(), submissions.countResubmittable(filter, created.createdAt()));
        Log.infof("job %s: reprocess %d reports (%s)", job.jobId(), job.total(), filterJson);
        submit(job.jobId());
        return job;
    }

    void onStart(@Observes StartupEvent event) {
        resume();
        orphans = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "reprocess-jobs-orphans");
            t.setDaemon(true);
            return t;
        });
        orphans.scheduleWithFixedDelay(() -> {
            if (!stopping) {
                resume();
            }
        }, ORPHAN_CHECK.toMillis(), ORPHAN_CHECK.toMillis(), TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (orphans != null) {
            orphans.shutdownNow();
        }
        stop(Duration.ofSeconds(10));
    }

    /**
     * Takes up every job still running that no other process holds, from its cursor (what a start of store-service
     * does, and then once a minute for jobs whose process died).
     */
    public synchronized void resume() {
        stopping = false;
        if (worker.isShutdown()) {
            worker = newWorker();
        }
        try {
            for (Job job : jobs.running()) {
                if (queued.contains(job.jobId())) {
                    continue;
                }
                submit(job.jobId());
            }
        } catch (RuntimeException e) {
            Log.warnf("running jobs not resumed now: %s", e.getMessage());
        }
    }

    /**
     * Stops after the batch in flight (what a shutdown of store-service does); running jobs keep their state and
     * cursor. Returns whether the worker stopped within {@code wait}.
     */
    public boolean stop(Duration wait) {
        stopping = true;
        worker.shutdown();
        try {
            return worker.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void submit(UUID jobId) {
        if (stopping) {
            return; // shutting down: the job stays RUNNING and is taken up by the next start
        }
        if (queued.add(jobId)) {
            worker.submit(() -> {
                try {
                    run(jobId);
                } finally {
                    queued.remove(jobId);
                }
            });
        }
    }

    private void run(UUID jobId) {
        if (!jobs.claim(jobId, owner, LEASE_SECONDS)) {
            return; // another store-service process runs it
        }
        Duration backoff = FIRST_BACKOFF;
        Job job = null;
        ReportFilter filter = null;
        while (!stopping) {
            try {
                if (job == null) {
                    job = jobs.find(jobId).orElse(null);
                    if (job == null || !Job.RUNNING.equals(job.state())) {
                        break; // cancelled between the claim and now
                    }
                    Log.infof("job %s: running from %s (%d of %d done)", jobId,
                            job.cursor() == null ? "the start" : "after " + job.cursor(), job.done(), job.total());
                    try {
                        filter = json.readValue(job.filter(), ReportFilter.class);
                    } catch (JsonProcessingException e) {
                        jobs.finish(jobId, owner, Job.FAILED,
                                "the job's filter does not read: " + e.getOriginalMessage());
                        return;
                    }
                }
                List<ReportSubmittedEvent> batch = submissions.resubmissionPage(filter, job.createdAt(), job.cursor(),
                        batchSize, reportId -> eventId(jobId, reportId));
                if (batch.isEmpty()) {
                    jobs.finish(jobId, owner, Job.DONE, null);
                    Log.infof("job %s: done", jobId);
                    return;
                }
                Map<UUID, Throwable> failures = publisher.publishBatch(batch, ACK_TIMEOUT);
                for (Throwable failure : failures.values()) {
                    if (failure instanceof RetriableException || failure instanceof TimeoutException) {
                        throw new TimeoutException("the broker did not take the batch: " + failure);
                    }
                }
                failures.forEach((id, failure) -> Log.errorf("job %s: event %s refused by the broker: %s", jobId, id,
                        failure.toString()));
                String cursor = batch.get(batch.size() - 1).reportId();
                Optional<String> state = jobs.advance(jobId, owner, LEASE_SECONDS, cursor,
                        batch.size() - failures.size(), failures.size());
                if (state.isEmpty()) {
                    Log.warnf("job %s: taken over by another process; stopping here", jobId);
                    return;
                }
                if (!Job.RUNNING.equals(state.get())) {
                    Log.infof("job %s: %s after %s; stopping here", jobId, state.get(), cursor);
                    break;
                }
                job = new Job(jobId, job.kind(), job.filter(), job.state(), job.total(), job.done() + batch.size(),
                        job.failed(), cursor, null, job.createdAt(), null, null);
                backoff = FIRST_BACKOFF;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // the broker or the database is away: the batch is sent again with the same event ids
                Log.warnf("job %s waits %d ms: %s", jobId, backoff.toMillis(), e.toString());
                try {
                    if (!jobs.note(jobId, owner, LEASE_SECONDS, e.toString())) {
                        Log.infof("job %s: cancelled or taken over while waiting; stopping here", jobId);
                        break;
                    }
                } catch (RuntimeException ignored) {
                    // the database is the one away
                }
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
        try {
            jobs.release(jobId, owner); // stopped (a running job is taken up by the next start) or cancelled
        } catch (RuntimeException e) {
            Log.warnf("job %s not released (its lease runs out by itself): %s", jobId, e.getMessage());
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "reprocess-jobs");
            t.setDaemon(true);
            return t;
        });
    }
}
