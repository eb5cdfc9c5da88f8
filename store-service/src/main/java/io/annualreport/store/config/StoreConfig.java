package io.annualreport.store.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of store-service under the {@code store} prefix. */
@ConfigMapping(prefix = "store")
public interface StoreConfig {

    /** The blob directory of the pipeline; original files are served only from below it. */
    @WithDefault(".pipeline/blobs")
    String blobDir();

    /** The largest page of the report list. */
    @WithDefault("200")
    int maxPageSize();
}
