package io.annualreport.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.annualreport.model.GoldenEvents;
import io.annualreport.model.event.Topics;
import io.annualreport.testsupport.KafkaBrokerResource;
import io.annualreport.testsupport.PostgresResource;
import io.annualreport.testsupport.TraceContext;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The last hop of one trace from ingest to store: storing a verdict is a span of the trace that produced it. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
class TracePropagationTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    InMemorySpanExporter spans;

    @Test
    void shouldStoreTheVerdictWithinTheTraceOfValidate() throws Exception {
        // Given
        String reportId = GoldenFixtures.newReportId();
        String json = GoldenFixtures
                .json(GoldenFixtures.rekeyed(GoldenEvents.VALIDATED, reportId, UUID.randomUUID(), Instant.now()));
        TraceContext validate = TraceContext.random();
        // When
        try (var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.VALIDATED, reportId, json);
            record.headers().add("traceparent", validate.traceparent().getBytes(StandardCharsets.US_ASCII));
            producer.send(record).get();
        }
        // Then: the consumer's span joins the incoming trace as a child of validate's span
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(spans.getFinishedSpanItems())
                .anySatisfy(span -> {
                    assertThat(span.getTraceId()).isEqualTo(validate.traceId());
                    assertThat(span.getParentSpanId()).isEqualTo(validate.spanId());
                    assertThat(span.getName()).contains(Topics.VALIDATED);
                }));
    }
}
