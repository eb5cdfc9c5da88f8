package io.annualreport.store.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of store-service under the {@code store} prefix. */
@ConfigMapping(prefix = "store")
public interface StoreConfig {

    /** The largest page of the report list. */
    @WithDefault("200")
    int maxPageSize();

    /** How the writers send rows to PostgreSQL. */
    Write write();

    /** Settings of the event writers under {@code store.write}. */
    interface Write {

        /**
         * Whether a parse run's cells go in one {@code COPY} (true) or one batch of inserts (false: for a connection
         * pooler that does not pass {@code COPY} through, and for comparisons).
         */
        @WithDefault("true")
        boolean cellsCopy();
    }
}
