package io.annualreport.service.security;

import java.util.List;
import java.util.stream.StreamSupport;

import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * Refuses to start the production profile while built-in users (the local profile's {@code reviewer/reviewer} …,
 * {@code quarkus.security.users.embedded.users.*}) are configured: production signs people in with OIDC only. Shared
 * by ingest and store, the two services people sign in to.
 */
public class LocalUsersGuard {

    public static final String USERS_PREFIX = "quarkus.security.users.embedded.users.";

    void onStart(@Observes StartupEvent event, Config config) {
        boolean prod = LaunchMode.current() == LaunchMode.NORMAL && ConfigUtils.getProfiles().contains("prod");
        if (prod) {
            check(StreamSupport.stream(config.getPropertyNames().spliterator(), false).toList());
        }
    }

    /** Throws, naming the users, when any built-in user is configured. */
    public static void check(List<String> propertyNames) {
        List<String> users = propertyNames.stream().filter(name -> name.startsWith(USERS_PREFIX))
                .map(name -> name.substring(USERS_PREFIX.length())).sorted().toList();
        if (!users.isEmpty()) {
            throw new IllegalStateException("the production profile refuses built-in users " + users
                    + ": they exist only for the local profile. Remove QUARKUS_SECURITY_USERS_EMBEDDED_USERS_* and "
                    + "sign people in with OIDC (OIDC_AUTH_SERVER_URL, OIDC_CLIENT_ID)");
        }
    }
}
