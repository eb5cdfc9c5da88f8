package io.annualreport.store.rest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.annualreport.store.messaging.LiveEvents;
import io.annualreport.store.security.RegionScope;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

/** The live stream of validation (and failure) events as Server-Sent Events. */
@Path("/api/v1/events")
public class EventStreamResource {

    private final LiveEvents events;
    private final RegionScope scope;

    public EventStreamResource(LiveEvents events, RegionScope scope) {
        this.events = events;
        this.scope = scope;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Server-Sent Events: one JSON object per stored validation or failure, from now on")
    @Blocking // the signed-in identity (for the region scope) is resolved on a worker thread, not the event loop
    public Multi<LiveEvents.LiveEvent> stream() {
        // Subscribes to the broadcast first, then says "connected": nothing stored after that event is missed.
        LiveEvents.LiveEvent connected = new LiveEvents.LiveEvent("connected", null, null, Instant.now(), null, null,
                null, null, null, null, null, null, null);
        // a user limited to regions sees the events of reports in those regions only (read once, at subscription)
        Optional<List<String>> prefixes = scope.prefixes();
        return Multi.createBy().merging().streams(events.stream(), Multi.createFrom().item(connected)).select()
                .where(event -> event.visibleWithin(prefixes));
    }
}
