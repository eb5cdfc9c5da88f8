package io.annualreport.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.annualreport.model.GoldenEvents;
import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.ReportValidatedEvent;
import io.annualreport.observability.OutgoingObservation;
import io.annualreport.testsupport.KafkaBrokerResource;
import io.annualreport.testsupport.TopicReader;
import io.annualreport.testsupport.TraceContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The validate hop of one trace from ingest to store: the verdict event continues the trace of the parsed event, and
 * the verdict is counted.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class TracePropagationTest {

    private static final String REPORT_ID = "7777777777777777";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    InMemorySpanExporter spans;

    @Inject
    MeterRegistry registry;

    @Test
    void shouldCarryTheParsedEventsTraceOntoTheVerdictAndCountIt() throws Exception {
        // Given
        String json = GoldenEvents.json(GoldenEvents.PARSED).replace("\"0cd22d9d18d83273\"", "\"" + REPORT_ID + "\"");
        TraceContext parse = TraceContext.random();
        // When
        try (var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>("reports.parsed", REPORT_ID, json);
            record.headers().add("traceparent", parse.traceparent().getBytes(StandardCharsets.US_ASCII));
            producer.send(record).get();
        }
        // Then
        var validated = TopicReader.awaitKey(bootstrap, "reports.validated", REPORT_ID, Duration.ofSeconds(60));
        TraceContext published = TraceContext.of(validated);
        assertThat(published.traceId()).isEqualTo(parse.traceId());
        assertThat(published.spanId()).isNotEqualTo(parse.spanId());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(spans.getFinishedSpanItems())
                .anySatisfy(span -> {
                    assertThat(span.getTraceId()).isEqualTo(parse.traceId());
                    assertThat(span.getParentSpanId()).isEqualTo(parse.spanId());
                }));
        String verdict = EventCodec.decode(validated.value(), ReportValidatedEvent.class).verdict().name();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                registry.find(OutgoingObservation.VERDICTS).tags("verdict", verdict).counter()).isNotNull());
    }
}
