package io.annualreport.store.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.annualreport.store.persistence.StoreException;

class DatabaseOutageTest {

    @Test
    void shouldWaitThroughAnOutageLongerThanAnyRetryBudgetAndReturnTheWritesResult() {
        // Given: a database that is unreachable for 12 attempts (three times the poison budget), then back
        AtomicInteger calls = new AtomicInteger();
        DatabaseOutage outage = new DatabaseOutage(() -> false, Duration.ofMillis(1));
        AtomicInteger reportedWhileWaiting = new AtomicInteger();

        // When
        boolean applied = outage.untilWritten("0123456789abcdef", () -> {
            if (calls.incrementAndGet() < 12) {
                outage.current().ifPresent(o -> reportedWhileWaiting.incrementAndGet());
                throw new StoreException("connection refused", new SQLException("refused", "08001"));
            }
            return true;
        });

        // Then
        assertThat(applied).isTrue();
        assertThat(calls).hasValue(12);
        assertThat(reportedWhileWaiting).hasValue(10);
        assertThat(outage.current()).isEmpty();
    }

    @Test
    void shouldTakeAConnectionErrorForAnOutageEvenWhenTheProbeAnswers() {
        // Given: the probe says "up" but every write meets a terminated connection (57P01) five times
        AtomicInteger calls = new AtomicInteger();
        DatabaseOutage outage = new DatabaseOutage(() -> true, Duration.ofMillis(1));

        // When
        boolean applied = outage.untilWritten("0123456789abcdef", () -> {
            if (calls.incrementAndGet() <= 5) {
                throw new StoreException("terminating connection", new SQLException("admin shutdown", "57P01"));
            }
            return false;
        });

        // Then
        assertThat(applied).isFalse();
        assertThat(calls).hasValue(6);
    }

    @Test
    void shouldGiveUpOnAWriteThatKeepsFailingWhileTheDatabaseAnswersSoThatItIsDeadLettered() {
        // Given: a value the database refuses (22P02 invalid text representation)
        AtomicInteger calls = new AtomicInteger();
        DatabaseOutage outage = new DatabaseOutage(() -> true, Duration.ofMillis(1));

        // When / Then
        assertThatThrownBy(() -> outage.untilWritten("0123456789abcdef", () -> {
            calls.incrementAndGet();
            throw new StoreException("bad value", new SQLException("invalid input", "22P02"));
        })).isInstanceOf(StoreException.class);
        assertThat(calls).hasValue(DatabaseOutage.MAX_ATTEMPTS_WHILE_REACHABLE);
        assertThat(outage.current()).isEmpty();
    }

    @Test
    void shouldTakeACancelledStatementForTheEventsFaultNotAnOutage() {
        // Given: a statement cancelled by its timeout (57014) every time, the database answering
        AtomicInteger calls = new AtomicInteger();
        DatabaseOutage outage = new DatabaseOutage(() -> true, Duration.ofMillis(1));

        // When / Then
        assertThatThrownBy(() -> outage.untilWritten("0123456789abcdef", () -> {
            calls.incrementAndGet();
            throw new StoreException("too slow", new SQLException("canceling statement", "57014"));
        })).isInstanceOf(StoreException.class);
        assertThat(calls).hasValue(DatabaseOutage.MAX_ATTEMPTS_WHILE_REACHABLE);
    }
}
