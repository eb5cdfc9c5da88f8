package io.annualreport.store.rest;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.annualreport.store.messaging.DeadLetterReplayer;
import io.annualreport.store.security.Roles;

/**
 * The operators' endpoint that puts dead-lettered messages back on their topic once their cause is fixed; it takes
 * the admin role: a signed-in admin, or the operators' key ({@code admin.api-key}, {@code STORE_ADMIN_KEY}) in the
 * {@code X-Admin-Key} header.
 */
@Path("/api/v1/admin/dlq")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterAdminResource {

    @Inject
    DeadLetterReplayer replayer;

    @POST
    @Path("/{topic}/replay")
    @RolesAllowed(Roles.ADMIN)
    public Response replay(@PathParam("topic") String topic) {
        return replayer.replay(topic)
                .map(result -> Response.ok(Map.of("deadLetterTopic", result.deadLetterTopic(), "replayed",
                        result.replayed(), "byTopic", result.byTopic())).build())
                .orElseGet(() -> error(Response.Status.NOT_FOUND, "NO_SUCH_DEAD_LETTER_TOPIC",
                        "no dead-letter topic " + topic + " (dead-letter topics end in .dlq)"));
    }

    private static Response error(Response.Status status, String code, String message) {
        return ApiError.response(status, code, message);
    }
}
