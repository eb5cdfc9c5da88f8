package io.annualreport.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.annualreport.store.messaging.ReportEventConsumerAccess;
import io.annualreport.store.persistence.StoreException;

class ReportEventConsumerRetryTest {

    @Test
    void shouldRetryAFailedWriteAndReturnItsResult() {
        // Given: a write that fails twice in the database, then succeeds
        AtomicInteger calls = new AtomicInteger();

        // When
        boolean applied = ReportEventConsumerAccess.retrying("0123456789abcdef", () -> {
            if (calls.incrementAndGet() < 3) {
                throw new StoreException("connection lost", null);
            }
            return true;
        });

        // Then
        assertThat(applied).isTrue();
        assertThat(calls).hasValue(3);
    }

    @Test
    void shouldGiveUpAfterFourAttemptsSoThatTheRecordIsDeadLettered() {
        // Given
        AtomicInteger calls = new AtomicInteger();

        // When / Then
        assertThatThrownBy(() -> ReportEventConsumerAccess.retrying("0123456789abcdef", () -> {
            calls.incrementAndGet();
            throw new StoreException("database down", null);
        })).isInstanceOf(StoreException.class);
        assertThat(calls).hasValue(4);
    }
}
