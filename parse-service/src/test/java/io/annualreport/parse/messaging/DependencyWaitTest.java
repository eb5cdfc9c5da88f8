package io.annualreport.parse.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import io.annualreport.parse.BlobStoreUnavailableException;

class DependencyWaitTest {

    @Test
    void shouldRetryThroughAnOutageAndReportItMeanwhile() {
        // Given: a blob store that is away for 20 attempts
        DependencyWait wait = new DependencyWait(Duration.ofMillis(1));
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger reported = new AtomicInteger();

        // When
        String result = wait.until("the blob store", "0123456789abcdef", () -> {
            if (calls.incrementAndGet() <= 20) {
                wait.current().ifPresent(o -> reported.incrementAndGet());
                throw new BlobStoreUnavailableException("directory away", null);
            }
            return "parsed";
        }, DependencyWait::blobStoreOutage);

        // Then
        assertThat(result).isEqualTo("parsed");
        assertThat(calls).hasValue(21);
        assertThat(reported).hasValue(19);
        assertThat(wait.current()).isEmpty();
    }

    @Test
    void shouldRethrowAFailureThatIsNoOutageAtOnce() {
        DependencyWait wait = new DependencyWait(Duration.ofMillis(1));
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> wait.until("the broker", "0123456789abcdef", () -> {
            calls.incrementAndGet();
            throw new IllegalStateException("nacked", new RecordTooLargeException("20 MB"));
        }, DependencyWait::brokerOutage)).isInstanceOf(IllegalStateException.class);
        assertThat(calls).hasValue(1);
        assertThat(wait.current()).isEmpty();
    }

    @Test
    void shouldTellABrokerOutageFromARecordTheBrokerWillNeverTake() {
        assertThat(DependencyWait.brokerOutage(new IllegalStateException(new TimeoutException("metadata")))).isTrue();
        assertThat(DependencyWait.brokerOutage(new io.smallrye.mutiny.TimeoutException())).isTrue();
        assertThat(DependencyWait.brokerOutage(new RecordTooLargeException("too large"))).isFalse();
        assertThat(DependencyWait.brokerOutage(new IllegalArgumentException("bad"))).isFalse();
        assertThat(DependencyWait.blobStoreOutage(new BlobStoreUnavailableException("away", null))).isTrue();
        assertThat(DependencyWait.blobStoreOutage(new IllegalArgumentException("bad uri"))).isFalse();
    }
}
