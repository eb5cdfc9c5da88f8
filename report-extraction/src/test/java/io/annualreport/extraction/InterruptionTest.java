package io.annualreport.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.tika.parser.AutoDetectParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.annualreport.model.event.FailureReason;

class InterruptionTest {

    /** Far longer than any of these tasks needs once the deadline is honoured; never a timing assertion. */
    private static final long GENEROUS_SECONDS = 120;

    private final ExecutorService worker = Executors.newSingleThreadExecutor();

    /** HTML that never ends: a page of empty paragraphs, read lazily, without any text to hit the character cap. */
    private static final class EndlessHtml extends InputStream {
        private final byte[] head = "<html><body>".getBytes(StandardCharsets.US_ASCII);
        private final byte[] paragraph = "<p></p>\n".getBytes(StandardCharsets.US_ASCII);
        private long position;

        @Override
        public int read() {
            long p = position++;
            if (p < head.length) {
                return head[(int) p];
            }
            return paragraph[(int) ((p - head.length) % paragraph.length)];
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            for (int i = 0; i < length; i++) {
                buffer[offset + i] = (byte) read();
            }
            return length;
        }
    }

    @AfterEach
    void stopWorker() {
        worker.shutdownNow();
    }

    @Test
    void shouldFreeTheWorkerThreadWhenAnEndlessHtmlParseReachesItsDeadline() throws Exception {
        // Given
        MarkupExtractor markup = new MarkupExtractor(new AutoDetectParser(), TikaTextExtractor.MAX_CHARACTERS);
        Future<Object> endless = worker.submit(() -> {
            long started = System.nanoTime();
            Interruption.startBudget(started + TimeUnit.MILLISECONDS.toNanos(300));
            try {
                return markup.extract(new EndlessHtml(), "endless.html", "text/html", started);
            } finally {
                Interruption.endBudget();
            }
        });

        // When
        Future<String> next = worker.submit(() -> "next document");
        Throwable failure = catchThrowable(() -> endless.get(GENEROUS_SECONDS, TimeUnit.SECONDS));

        // Then
        assertThat(failure).isInstanceOf(ExecutionException.class);
        assertThat(Failures.classify(failure.getCause(), "html").reason()).isEqualTo(FailureReason.TIMEOUT);
        assertThat(next.get(GENEROUS_SECONDS, TimeUnit.SECONDS)).isEqualTo("next document");
    }

    @Test
    void shouldEndAParseOnlyAfterItsDeadline() {
        // Given
        Interruption.startBudget(System.nanoTime() + TimeUnit.SECONDS.toNanos(GENEROUS_SECONDS));

        // When
        Throwable early;
        Throwable late;
        try {
            early = catchThrowable(Interruption::check);
            Interruption.startBudget(System.nanoTime() - 1);
            late = catchThrowable(Interruption::check);
        } finally {
            Interruption.endBudget();
        }

        // Then
        assertThat(early).isNull();
        assertThat(late).isInstanceOf(Interruption.Cancelled.class);
        assertThat(catchThrowable(Interruption::check)).as("no deadline once the budget ended").isNull();
    }
}
