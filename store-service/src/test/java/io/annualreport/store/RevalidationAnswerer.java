package io.annualreport.store;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.ReportRevalidationRequestedEvent;
import io.annualreport.model.event.ReportValidatedEvent;
import io.annualreport.model.event.Topics;
import io.annualreport.model.report.ParsedReport;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Stands in for validate-service in store tests: answers every revalidation request on {@code reports.revalidate}
 * about one report with the verdict event a validator gives the report it carries (the stored parse with the
 * corrected cells).
 */
final class RevalidationAnswerer implements AutoCloseable {

    /** Validates one parse run of a report. */
    @FunctionalInterface
    interface Validator {
        ReportValidatedEvent validate(UUID parsedEventId, String reportId, ParsedReport report);
    }

    private final KafkaCompanion kafka;
    private final ConsumerTask<String, String> requests;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread answering;

    RevalidationAnswerer(String bootstrap, String reportId, Validator validator) {
        kafka = new KafkaCompanion(bootstrap);
        requests = kafka.consumeStrings().fromTopics(Topics.REVALIDATE);
        answering = new Thread(() -> {
            int answered = 0;
            while (!closed.get()) {
                var records = requests.getRecords();
                for (; answered < records.size(); answered++) {
                    if (reportId.equals(records.get(answered).key())) {
                        answer(validator, records.get(answered).value());
                    }
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "revalidation-answerer");
        answering.setDaemon(true);
        answering.start();
    }

    private void answer(Validator validator, String json) {
        try {
            ReportRevalidationRequestedEvent request = EventCodec.decode(json,
                    ReportRevalidationRequestedEvent.class);
            ReportValidatedEvent answer = validator.validate(request.parsedEventId(), request.reportId(),
                    request.report());
            kafka.produceStrings().fromRecords(KafkaCompanion.record(Topics.VALIDATED, answer.reportId(),
                    EventCodec.encode(answer))).awaitCompletion(Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot answer the revalidation request " + json, e);
        }
    }

    @Override
    public void close() {
        closed.set(true);
        answering.interrupt();
        requests.stop();
        kafka.close();
    }
}
