package io.annualreport.validate.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class BrokerWaitTest {

    @Test
    void shouldPublishAgainUntilTheBrokerTakesTheVerdict() {
        // Given: a broker that times out ten times, then has a new leader, then takes the record
        BrokerWait wait = new BrokerWait(Duration.ofMillis(1));
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger reported = new AtomicInteger();

        // When
        wait.publish("0123456789abcdef", () -> {
            int call = calls.incrementAndGet();
            if (call <= 10) {
                wait.waitingSince().ifPresent(s -> reported.incrementAndGet());
                throw new io.smallrye.mutiny.TimeoutException();
            }
            if (call == 11) {
                throw new IllegalStateException(new NotLeaderOrFollowerException("moved"));
            }
        });

        // Then
        assertThat(calls).hasValue(12);
        assertThat(reported).hasValue(9);
        assertThat(wait.waitingSince()).isEmpty();
    }

    @Test
    void shouldRethrowARecordTheBrokerWillNeverTake() {
        BrokerWait wait = new BrokerWait(Duration.ofMillis(1));
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> wait.publish("0123456789abcdef", () -> {
            calls.incrementAndGet();
            throw new IllegalStateException(new RecordTooLargeException("too large"));
        })).isInstanceOf(IllegalStateException.class);
        assertThat(calls).hasValue(1);
        assertThat(BrokerWait.isOutage(new TimeoutException("metadata"))).isTrue();
    }
}
