package io.annualreport.parse.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.annualreport.parse.messaging.DependencyWait;

/** Reports parse-service not ready while its consumer waits for the blob store or the broker to come back. */
@Readiness
@ApplicationScoped
public class DependencyReadiness implements HealthCheck {

    @Inject
    DependencyWait wait;

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("parse dependencies");
        return wait.current()
                .map(o -> builder.down().withData("waitingFor", o.dependency())
                        .withData("waitingSince", o.since().toString()).withData("cause", o.cause()).build())
                .orElseGet(() -> builder.up().build());
    }
}
