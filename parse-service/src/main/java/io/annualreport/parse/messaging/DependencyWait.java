package io.annualreport.parse.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import org.apache.kafka.common.errors.RetriableException;

import io.annualreport.parse.BlobStoreUnavailableException;
import io.quarkus.logging.Log;

/**
 * Holds the consumer's worker while a dependency (the blob store, the broker for the outcome) is away, retrying with
 * back-off for as long as the outage lasts, so that a submission is neither failed, dead-lettered nor skipped; the
 * readiness check reports the outage meanwhile.
 */
@Singleton
public class DependencyWait {

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);

    private final Duration maxBackoff;
    private final AtomicReference<Outage> current = new AtomicReference<>();

    /** What the service is waiting for, since when and why. */
    public record Outage(String dependency, Instant since, String cause) {
    }

    public DependencyWait() {
        this(Duration.ofSeconds(5));
    }

    DependencyWait(Duration maxBackoff) {
        this.maxBackoff = maxBackoff;
    }

    /**
     * Runs an action until it succeeds or fails with something that is not an outage.
     *
     * @param dependency what the action needs, for the log and the readiness check
     * @param isOutage which failures mean "the dependency is away" (all others are rethrown at once)
     */
    public <T> T until(String dependency, String reportId, Supplier<T> action, Predicate<Throwable> isOutage) {
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                T result = action.get();
                recovered(dependency);
                return result;
            } catch (RuntimeException e) {
                if (!isOutage.test(e)) {
                    throw e;
                }
                if (current.compareAndSet(null, new Outage(dependency, Instant.now(), e.toString()))) {
                    Log.warnf("reportId=%s %s unavailable, waiting for it (not failing, not dead-lettering): %s",
                            reportId, dependency, e);
                }
                sleep(backoff);
                Duration doubled = backoff.multipliedBy(2);
                backoff = doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
            }
        }
    }

    /** Whether a failure means the blob store is away for now. */
    public static boolean blobStoreOutage(Throwable failure) {
        return failure instanceof BlobStoreUnavailableException;
    }

    /**
     * Whether a failure to publish means the broker is away for now (a timeout, a retriable Kafka error), as opposed
     * to a record the broker will never take (too large, not authorized).
     */
    public static boolean brokerOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RetriableException || t instanceof java.util.concurrent.TimeoutException
                    || t instanceof io.smallrye.mutiny.TimeoutException) {
                return true;
            }
            if (t instanceof org.apache.kafka.common.KafkaException) {
                return false;
            }
        }
        return false;
    }

    /** The outage the consumer is waiting through, if any. */
    public Optional<Outage> current() {
        return Optional.ofNullable(current.get());
    }

    private void recovered(String dependency) {
        Outage ended = current.get();
        if (ended != null && ended.dependency().equals(dependency) && current.compareAndSet(ended, null)) {
            Log.infof("%s is back after %d s; processing resumes", dependency,
                    Duration.between(ended.since(), Instant.now()).toSeconds());
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a dependency", e);
        }
    }
}
