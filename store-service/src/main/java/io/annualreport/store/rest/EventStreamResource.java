package io.annualreport.store.rest;

import java.time.Instant;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.annualreport.store.messaging.LiveEvents;
import io.smallrye.mutiny.Multi;

/** The live stream of validation (and failure) events as Server-Sent Events. */
@Path("/api/v1/events")
public class EventStreamResource {

    private final LiveEvents events;

    public EventStreamResource(LiveEvents events) {
        this.events = events;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Server-Sent Events: one JSON object per stored validation or failure, from now on")
    public Multi<LiveEvents.LiveEvent> stream() {
        // Subscribes to the broadcast first, then says "connected": nothing stored after that event is missed.
        LiveEvents.LiveEvent connected = new LiveEvents.LiveEvent("connected", null, null, Instant.now(), null, null,
                null, null, null, null, null, null);
        return Multi.createBy().merging().streams(events.stream(), Multi.createFrom().item(connected));
    }
}
