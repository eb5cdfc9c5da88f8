package io.annualreport.store.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of store-service under the {@code store} prefix. */
@ConfigMapping(prefix = "store")
public interface StoreConfig {

    /** The largest page of the report list. */
    @WithDefault("200")
    int maxPageSize();
}
