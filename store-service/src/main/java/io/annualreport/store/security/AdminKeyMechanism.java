package io.annualreport.store.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Signs in machines that present the operators' key ({@code admin.api-key}, {@code STORE_ADMIN_KEY}) in the
 * {@code X-Admin-Key} header as {@code admin-key} with the admin role; a wrong key is refused (401), no key leaves the
 * other mechanisms (built-in users, OIDC) to sign the request in.
 */
@ApplicationScoped
public class AdminKeyMechanism implements HttpAuthenticationMechanism {

    /** The header that carries the operators' key. */
    public static final String HEADER = "X-Admin-Key";

    private final Optional<String> adminKey;

    public AdminKeyMechanism(@ConfigProperty(name = "admin.api-key") Optional<String> adminKey) {
        this.adminKey = adminKey.map(String::strip).filter(key -> !key.isEmpty());
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String presented = context.request().getHeader(HEADER);
        if (presented == null || presented.isBlank()) {
            return Uni.createFrom().optional(Optional.empty());
        }
        if (adminKey.isEmpty() || !MessageDigest.isEqual(adminKey.get().getBytes(StandardCharsets.UTF_8),
                presented.strip().getBytes(StandardCharsets.UTF_8))) {
            return Uni.createFrom().failure(new AuthenticationFailedException("the admin key is not accepted"));
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("admin-key"))
                .addRoles(Roles.withImplied(Set.of(Roles.ADMIN))).build());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().optional(Optional.empty());
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }
}
