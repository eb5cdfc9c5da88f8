package io.annualreport.ingest.config;

import java.util.List;

import jakarta.enterprise.event.Observes;

import io.annualreport.ingest.intake.ApiKeys;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * Refuses to start the production profile while an API key is the development key, a placeholder or too short
 * ({@link KeyPolicy}).
 */
public class ProductionKeyGuard {

    void onStart(@Observes StartupEvent event, IngestConfig config) {
        boolean prod = LaunchMode.current() == LaunchMode.NORMAL && ConfigUtils.getProfiles().contains("prod");
        if (prod) {
            check(config.apiKeys());
        }
    }

    /** Throws, naming every unfit key's submitter, when the keys are not fit for production. */
    static void check(String submitterKeys) {
        List<String> problems = KeyPolicy.problems(submitterKeys);
        if (!problems.isEmpty() || new ApiKeys(submitterKeys, "").acceptsDevKey()) {
            throw new IllegalStateException("the production profile refuses these API keys: "
                    + String.join("; ", problems) + ". Set INGEST_API_KEYS to submitter=key pairs with random keys "
                    + "of at least " + KeyPolicy.MIN_LENGTH + " characters (deploy/k8s/make-secrets.sh makes them)");
        }
    }
}
