package io.annualreport.store.rest;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is signed in ({@code GET /api/v1/me}), the sign-in entry of the OIDC code flow and signing out of the local
 * profile's form sign-in; the form itself posts to Quarkus's {@code /j_security_check}.
 */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
public class SignInResource {

    private final SecurityIdentity identity;
    private final String cookieName;
    private final boolean localUsers;

    public SignInResource(SecurityIdentity identity,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential") String cookieName,
            @ConfigProperty(name = "signin.local-users", defaultValue = "false") boolean localUsers) {
        this.identity = identity;
        this.cookieName = cookieName;
        this.localUsers = localUsers;
    }

    @GET
    @PermitAll
    public Map<String, Object> me() {
        boolean anonymous = identity.isAnonymous();
        return Map.of("signedIn", !anonymous, "name", anonymous ? "" : identity.getPrincipal().getName(), "roles",
                anonymous ? List.of() : new TreeSet<>(identity.getRoles()), "signIn",
                localUsers ? "form" : "oidc");
    }

    @GET
    @Path("/sign-in")
    @Authenticated
    @Produces(MediaType.WILDCARD)
    public Response signIn() {
        // reached only once signed in (the OIDC code flow redirects here after the identity provider)
        return Response.seeOther(URI.create("/")).build();
    }

    @POST
    @Path("/sign-out")
    @PermitAll
    public Response signOut() {
        return Response.ok(Map.of("signedIn", false))
                .cookie(new NewCookie.Builder(cookieName).path("/").value("").maxAge(0).build()).build();
    }
}
