package io.annualreport.validate.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Singleton;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RetriableException;

import io.quarkus.logging.Log;

/**
 * Holds the consumer's worker while the broker does not take the verdict, retrying with back-off for as long as the
 * outage lasts (the verdict's id is derived from its input, so a second copy is harmless); a record the broker will
 * never take is rethrown, so that its input is dead-lettered.
 */
@Singleton
public class BrokerWait {

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);

    private final Duration maxBackoff;
    private final AtomicReference<Instant> waitingSince = new AtomicReference<>();

    public BrokerWait() {
        this(Duration.ofSeconds(5));
    }

    BrokerWait(Duration maxBackoff) {
        this.maxBackoff = maxBackoff;
    }

    /** Runs a publication until the broker acknowledged it. */
    public void publish(String reportId, Runnable publication) {
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                publication.run();
                Instant since = waitingSince.getAndSet(null);
                if (since != null) {
                    Log.infof("the broker is back after %d s", Duration.between(since, Instant.now()).toSeconds());
                }
                return;
            } catch (RuntimeException e) {
                if (!isOutage(e)) {
                    throw e;
                }
                if (waitingSince.compareAndSet(null, Instant.now())) {
                    Log.warnf("reportId=%s the broker does not take the verdict, waiting for it: %s", reportId, e);
                }
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                Duration doubled = backoff.multipliedBy(2);
                backoff = doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
            }
        }
    }

    /** Since when the worker waits for the broker, if it does. */
    public Optional<Instant> waitingSince() {
        return Optional.ofNullable(waitingSince.get());
    }

    /** Whether a failure to publish means the broker is away for now (a timeout, a retriable Kafka error). */
    static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RetriableException || t instanceof io.smallrye.mutiny.TimeoutException) {
                return true;
            }
            if (t instanceof KafkaException) {
                return false;
            }
        }
        return false;
    }
}
