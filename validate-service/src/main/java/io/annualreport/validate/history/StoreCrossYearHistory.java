package io.annualreport.validate.history;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.annualreport.model.history.CrossYearContext;

/**
 * Reads the cross-year context from store-service with a timeout per call, two retries, and a circuit breaker that
 * stops asking for a while once most recent calls failed; any failure reaches the caller, which then says why the
 * cross-document rules are not assessable.
 */
@ApplicationScoped
public class StoreCrossYearHistory implements ReportHistory {

    private final StoreHistoryApi api;

    public StoreCrossYearHistory(@RestClient StoreHistoryApi api) {
        this.api = api;
    }

    @Override
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS, successThreshold = 1)
    public CrossYearContext context(String agency, String agencyFull, int year, String excludeReportId) {
        return api.crossYear(agency, agencyFull, year, excludeReportId);
    }
}
