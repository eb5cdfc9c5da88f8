package io.annualreport.validate.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.annualreport.validate.messaging.BrokerWait;

/** Reports validate-service not ready while its consumer waits for the broker to take a verdict. */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    @Inject
    BrokerWait wait;

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("verdict publication");
        return wait.waitingSince().map(since -> builder.down().withData("waitingSince", since.toString()).build())
                .orElseGet(() -> builder.up().build());
    }
}
