package io.annualreport.ingest.config;

import jakarta.enterprise.event.Observes;

import io.annualreport.ingest.intake.ApiKeys;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/** Refuses to start the production profile while the development API key is accepted. */
public class ProductionKeyGuard {

    void onStart(@Observes StartupEvent event, ApiKeys apiKeys) {
        boolean prod = LaunchMode.current() == LaunchMode.NORMAL && ConfigUtils.getProfiles().contains("prod");
        if (prod && apiKeys.acceptsDevKey()) {
            throw new IllegalStateException("the production profile must not accept the development API key '"
                    + ApiKeys.DEV_KEY + "': set INGEST_API_KEYS to real submitter=key pairs");
        }
    }
}
