package io.annualreport.store.messaging;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.annualreport.store.persistence.StoreException;
import io.quarkus.logging.Log;

/**
 * Tells an infrastructure outage from a poison event when a write fails: while PostgreSQL cannot be reached (or
 * answers with a connection or resource error) the consumer's worker waits with back-off, for as long as the outage
 * lasts, and the service reports itself not ready; only a write that keeps failing while the database answers is
 * given up, so that its record is dead-lettered.
 */
@Singleton
public class DatabaseOutage {

    /** Failed attempts, with the database answering, after which an event is taken for poison. */
    static final int MAX_ATTEMPTS_WHILE_REACHABLE = 4;

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);

    private final BooleanSupplier reachable;
    private final Duration maxBackoff;
    private final AtomicReference<Outage> current = new AtomicReference<>();

    /** What the service is waiting for, for the readiness check. */
    public record Outage(Instant since, String cause) {
    }

    @Inject
    public DatabaseOutage(DataSource dataSource) {
        this(() -> answers(dataSource), Duration.ofSeconds(5));
    }

    DatabaseOutage(BooleanSupplier reachable, Duration maxBackoff) {
        this.reachable = reachable;
        this.maxBackoff = maxBackoff;
    }

    /**
     * Runs a write until it succeeds; waits through an outage of any length.
     *
     * @throws StoreException when the write failed {@value #MAX_ATTEMPTS_WHILE_REACHABLE} times in a row while the
     *         database answered: the event itself is at fault
     */
    public <T> T untilWritten(String reportId, Supplier<T> write) {
        int failuresWhileReachable = 0;
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                T result = write.get();
                recovered();
                return result;
            } catch (StoreException e) {
                if (!isConnectionProblem(e) && reachable.getAsBoolean()) {
                    failuresWhileReachable++;
                    if (failuresWhileReachable >= MAX_ATTEMPTS_WHILE_REACHABLE) {
                        recovered();
                        throw e;
                    }
                    Log.warnf("reportId=%s store attempt %d failed with the database up, retrying: %s", reportId,
                            failuresWhileReachable, e.getMessage());
                } else {
                    failuresWhileReachable = 0;
                    if (current.compareAndSet(null, new Outage(Instant.now(), String.valueOf(rootCause(e))))) {
                        Log.warnf("reportId=%s the database is unavailable, waiting for it (not dead-lettering): %s",
                                reportId, rootCause(e));
                    }
                }
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
    }

    /** The outage the consumers are waiting through, if any. */
    public Optional<Outage> current() {
        return Optional.ofNullable(current.get());
    }

    private void recovered() {
        Outage ended = current.getAndSet(null);
        if (ended != null) {
            Log.infof("the database is back after %d s; storing resumes",
                    Duration.between(ended.since(), Instant.now()).toSeconds());
        }
    }

    /**
     * Whether the failure is the connection's rather than the event's: SQL states of class 08 (connection), 53
     * (insufficient resources), 57 (operator intervention, e.g. a shutdown; not 57014, a cancelled statement) and 58
     * (system error).
     */
    static boolean isConnectionProblem(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 57014 (a statement cancelled, e.g. by a timeout) is the event's, not the connection's
                if (state.startsWith("08") || state.startsWith("53")
                        || state.startsWith("57") && !state.equals("57014") || state.startsWith("58")) {
                    return true;
                }
            }
            if (t instanceof java.net.ConnectException || t instanceof java.io.EOFException) {
                return true;
            }
        }
        return false;
    }

    private static boolean answers(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the database", e);
        }
    }
}
