package io.annualreport.store.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.annualreport.store.messaging.DatabaseOutage;

/** Reports store-service not ready while its consumers wait for PostgreSQL to come back. */
@Readiness
@ApplicationScoped
public class DatabaseOutageReadiness implements HealthCheck {

    @Inject
    DatabaseOutage outage;

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("store writes");
        return outage.current()
                .map(o -> builder.down().withData("waitingSince", o.since().toString()).withData("cause", o.cause())
                        .build())
                .orElseGet(() -> builder.up().build());
    }
}
