package io.annualreport.store.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;

import io.annualreport.model.event.ReportRevalidationRequestedEvent;
import io.annualreport.service.messaging.EventMessages;
import io.smallrye.reactive.messaging.MutinyEmitter;

/** Sends store's requests to validate a stored parse run again to {@code reports.revalidate}, keyed by report id. */
@ApplicationScoped
public class RevalidationPublisher {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final MutinyEmitter<String> emitter;

    public RevalidationPublisher(@Channel("revalidate") MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    /** Publishes the request and returns once the broker acknowledged it. */
    public void publish(ReportRevalidationRequestedEvent request) {
        emitter.sendMessage(EventMessages.keyed(request)).await().atMost(ACK_TIMEOUT);
    }
}
