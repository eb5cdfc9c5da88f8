package io.annualreport.store.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.annualreport.store.messaging.DeadLetterReplayer;

/**
 * The operators' endpoint that puts dead-lettered messages back on their topic once their cause is fixed; it takes
 * the admin key ({@code admin.api-key}, {@code STORE_ADMIN_KEY}) in the {@code X-Admin-Key} header and is closed when no key is set.
 */
@Path("/api/v1/admin/dlq")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterAdminResource {

    @Inject
    DeadLetterReplayer replayer;

    @ConfigProperty(name = "admin.api-key")
    Optional<String> adminKey;

    @POST
    @Path("/{topic}/replay")
    public Response replay(@PathParam("topic") String topic, @HeaderParam("X-Admin-Key") String presented) {
        if (presented == null || presented.isBlank()) {
            return error(Response.Status.UNAUTHORIZED, "ADMIN_KEY_MISSING",
                    "this endpoint needs the X-Admin-Key header");
        }
        if (adminKey.isEmpty() || adminKey.get().isBlank() || !sameKey(adminKey.get(), presented)) {
            return error(Response.Status.FORBIDDEN, "ADMIN_KEY_REFUSED", "the admin key is not accepted");
        }
        return replayer.replay(topic)
                .map(result -> Response.ok(Map.of("deadLetterTopic", result.deadLetterTopic(), "replayed",
                        result.replayed(), "byTopic", result.byTopic())).build())
                .orElseGet(() -> error(Response.Status.NOT_FOUND, "NO_SUCH_DEAD_LETTER_TOPIC",
                        "no dead-letter topic " + topic + " (dead-letter topics end in .dlq)"));
    }

    private static boolean sameKey(String expected, String presented) {
        return MessageDigest.isEqual(expected.strip().getBytes(StandardCharsets.UTF_8),
                presented.strip().getBytes(StandardCharsets.UTF_8));
    }

    private static Response error(Response.Status status, String code, String message) {
        return ApiError.response(status, code, message);
    }
}
