package io.annualreport.ingest.rest;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.annualreport.ingest.config.IngestConfig;
import io.annualreport.ingest.intake.ApiKeys;
import io.annualreport.ingest.intake.InFlightLimit;
import io.annualreport.ingest.intake.IntakeRefusal;
import io.annualreport.ingest.intake.IntakeRefusedException;
import io.annualreport.ingest.metrics.IntakeMetrics;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The two Vert.x steps of {@code POST /api/v1/reports} that run before Quarkus REST: admission, then receiving the body.
 *
 * <p>
 * Admission checks the API key (a machine) or the signed-in person (HTTP Basic with the local profile's built-in users,
 * an OIDC bearer token in production; the submitter or admin role) and takes an in-flight permit from the headers alone, so that an unknown or revoked key
 * and a full intake are refused (401, 403, 429 with the contract's JSON error) without storing or parsing the body; the
 * body is read and discarded before the answer so that the client gets the answer, not a reset connection. An admitted
 * request keeps its permit until its response ends.
 *
 * <p>
 * The body is then received by Vert.x's multipart decoder (Netty's, which searches for the boundary a word at a time)
 * into the uploads directory; Quarkus REST takes the stored files from it instead of running its own byte-at-a-time
 * parser, which was the largest CPU cost of an upload.
 */
@ApplicationScoped
public class UploadAdmission {

    /** Before Quarkus REST's route (order 0 and up); admission first. */
    static final int ADMISSION_ORDER = -200;
    static final int BODY_ORDER = -100;
    static final String PATH = "/api/v1/reports";
    /** The routing-context key under which an admitted request carries its submitter's name. */
    static final String SUBMITTER = "ingest.submitter";

    private final ApiKeys apiKeys;
    private final HttpAuthenticator authenticator;
    private final IntakeMetrics metrics;
    private final InFlightLimit inFlight;
    private final String uploadsDirectory;
    private final long maxBodyBytes;

    public UploadAdmission(IngestConfig config, ApiKeys apiKeys, IntakeMetrics metrics, HttpAuthenticator authenticator,
            @ConfigProperty(name = "quarkus.http.body.uploads-directory") String uploadsDirectory,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.apiKeys = apiKeys;
        this.authenticator = authenticator;
        this.metrics = metrics;
        this.inFlight = new InFlightLimit(config.maxInFlight());
        this.uploadsDirectory = uploadsDirectory;
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.post(PATH).order(ADMISSION_ORDER).handler(this::admit);
        router.post(PATH).order(BODY_ORDER).handler(BodyHandler.create(uploadsDirectory).setHandleFileUploads(true)
                .setBodyLimit(maxBodyBytes).setDeleteUploadedFilesOnEnd(true).setMergeFormAttributes(false));
    }

    private void admit(RoutingContext ctx) {
        long start = System.nanoTime();
        String key = ctx.request().getHeader("X-Api-Key");
        if ((key == null || key.isBlank()) && signsInAPerson(ctx)) {
            // a person (built-in user or OIDC token): the submitter or admin role may submit
            authenticator.attemptAuthentication(ctx).subscribe().with(identity -> {
                if (identity == null || identity.isAnonymous()) {
                    refuse(ctx, start, new IntakeRefusedException(IntakeRefusal.UNAUTHENTICATED,
                            "the credentials are not accepted"));
                } else if (!identity.hasRole("submitter") && !identity.hasRole("admin")) {
                    refuse(ctx, start, new IntakeRefusedException(IntakeRefusal.ROLE_MISSING,
                            "the signed-in user may not submit reports (needs the submitter role)"));
                } else {
                    admitAs(ctx, start, identity.getPrincipal().getName());
                }
            }, failure -> refuse(ctx, start, new IntakeRefusedException(IntakeRefusal.UNAUTHENTICATED,
                    "the credentials are not accepted")));
            return;
        }
        String submitter;
        try {
            submitter = apiKeys.submitterOf(key);
        } catch (IntakeRefusedException e) {
            refuse(ctx, start, e);
            return;
        }
        admitAs(ctx, start, submitter);
    }

    /** Whether the request carries a person's credentials: a password, a bearer token or the sign-in cookie. */
    private static boolean signsInAPerson(RoutingContext ctx) {
        String authorization = ctx.request().getHeader("Authorization");
        return authorization != null && !authorization.isBlank()
                || ctx.request().getCookie("quarkus-credential") != null;
    }

    private void admitAs(RoutingContext ctx, long start, String submitter) {
        try {
            inFlight.acquire();
        } catch (IntakeRefusedException e) {
            refuse(ctx, start, e);
            return;
        }
        ctx.addEndHandler(done -> inFlight.release());
        ctx.put(SUBMITTER, submitter);
        ctx.next();
    }

    /** Answers as {@link IntakeRefusalMapper} does, once the body has been read and discarded. */
    private void refuse(RoutingContext ctx, long start, IntakeRefusedException e) {
        metrics.upload(e.refusal().name(), Duration.ofNanos(System.nanoTime() - start));
        String body = Json.encode(IntakeRefusalMapper.body(e));
        Integer retryAfterSeconds = e.refusal().retryAfterSeconds();
        HttpServerRequest request = ctx.request();
        Runnable answer = () -> {
            var response = ctx.response().setStatusCode(IntakeRefusalMapper.status(e.refusal()))
                    .putHeader("Content-Type", "application/json");
            if (retryAfterSeconds != null) {
                response.putHeader("Retry-After", Integer.toString(retryAfterSeconds));
            }
            response.end(body);
        };
        if (request.isEnded()) {
            answer.run();
        } else {
            request.handler(discarded -> {
            });
            request.endHandler(ended -> answer.run());
            request.resume();
        }
    }
}
