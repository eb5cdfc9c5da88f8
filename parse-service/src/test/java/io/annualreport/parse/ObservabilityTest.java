package io.annualreport.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.ReportIds;
import io.annualreport.model.event.ReportSubmittedEvent;
import io.annualreport.observability.IncomingObservation;
import io.annualreport.testsupport.KafkaBrokerResource;
import io.annualreport.testsupport.Samples;
import io.annualreport.testsupport.TopicReader;
import io.annualreport.testsupport.TraceContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The parse hop of one trace from ingest to store: the record it publishes continues the trace of the record it
 * consumed; every log line written for the report carries its reportId in the MDC; the record is counted.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class ObservabilityTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    InMemorySpanExporter spans;

    @Inject
    MeterRegistry registry;

    @Test
    void shouldContinueTheIncomingTraceLogTheReportIdAndCountTheRecord() throws Exception {
        // Given: a submission sent by ingest within a trace
        Path file = Samples.file("seeds/000_0cd22d9d18d83273.txt");
        String sha = ReportIds.sha256(Files.readAllBytes(file));
        ReportSubmittedEvent submitted = new ReportSubmittedEvent(UUID.randomUUID(), ReportIds.fromSha256(sha),
                Instant.now(), 1, sha, file.getFileName().toString(), null, Files.size(file), file.toUri().toString(),
                "test", null, null, Instant.now());
        TraceContext upstream = TraceContext.random();
        List<String> mdcOfThisReport = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord ext && record.getLoggerName().startsWith("io.annualreport.parse")
                        && String.valueOf(ext.getMessage()).contains(submitted.reportId())) {
                    mdcOfThisReport.add(String.valueOf(ext.getMdc("reportId")));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            // When
            try (var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers", bootstrap),
                    new StringSerializer(), new StringSerializer())) {
                ProducerRecord<String, String> record = new ProducerRecord<>("reports.submitted",
                        submitted.reportId(), EventCodec.encode(submitted));
                record.headers().add("traceparent", upstream.traceparent().getBytes(StandardCharsets.US_ASCII));
                producer.send(record).get();
            }

            // Then: the parsed event continues the same trace from a span of its own
            var parsed = TopicReader.awaitKey(bootstrap, "reports.parsed", submitted.reportId(),
                    Duration.ofSeconds(90));
            TraceContext published = TraceContext.of(parsed);
            assertThat(published.traceId()).isEqualTo(upstream.traceId());
            assertThat(published.spanId()).isNotEqualTo(upstream.spanId());
            // and the consumer's span is a child of the upstream span
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(spans.getFinishedSpanItems())
                    .anySatisfy(span -> {
                        assertThat(span.getTraceId()).isEqualTo(upstream.traceId());
                        assertThat(span.getParentSpanId()).isEqualTo(upstream.spanId());
                    }));
            // every log line about the report has its id in the MDC (a JSON field in production)
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(mdcOfThisReport).isNotEmpty());
            assertThat(mdcOfThisReport).containsOnly(submitted.reportId());
            // and the record counts as processed
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(registry.find(
                    IncomingObservation.MESSAGES).tags("channel", "reports.submitted", "outcome", "processed")
                    .counter()).isNotNull());
        } finally {
            root.removeHandler(capture);
        }
    }
}
