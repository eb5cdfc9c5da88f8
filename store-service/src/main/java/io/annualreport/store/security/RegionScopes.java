package io.annualreport.store.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.logging.Log;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Limits a signed-in person to regions when their account says so: a built-in user by {@code signin.regions.<user>}
 * (comma-separated GB/T 2260 codes, local and test profiles), an OIDC user by the token's {@code regions} claim (the
 * claim's name is {@code signin.regions-claim}; a list or a comma- or space-separated string). The regions become the
 * identity's attribute {@link #ATTRIBUTE}, as subtree prefixes (320000 → 32, 320800 → 3208); an identity without it
 * sees every region. A scope whose codes are all invalid allows nothing, never everything.
 */
@ApplicationScoped
public class RegionScopes implements SecurityIdentityAugmentor {

    /** The identity attribute holding the user's region prefixes ({@code List<String>}). */
    public static final String ATTRIBUTE = "regions";

    private final Config config;

    public RegionScopes(Config config) {
        this.config = config;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || identity.getAttribute(ATTRIBUTE) != null) {
            return Uni.createFrom().item(identity);
        }
        Optional<List<String>> regions = regionsOf(identity);
        if (regions.isEmpty()) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom()
                .item(QuarkusSecurityIdentity.builder(identity).addAttribute(ATTRIBUTE, regions.get()).build());
    }

    private Optional<List<String>> regionsOf(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            String claim = config.getOptionalValue("signin.regions-claim", String.class).orElse("regions");
            Object value = token.getClaim(claim);
            return value == null ? Optional.empty() : Optional.of(prefixes(identity.getPrincipal().getName(), value));
        }
        return config.getOptionalValue("signin.regions." + identity.getPrincipal().getName(), String.class)
                .map(codes -> prefixes(identity.getPrincipal().getName(), codes));
    }

    /** The subtree prefixes of a claim or setting: a collection (a JSON array) or a comma- or space-separated text. */
    static List<String> prefixes(String user, Object value) {
        List<String> codes = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            list.forEach(item -> codes.add(unquoted(String.valueOf(item))));
        } else {
            for (String code : unquoted(String.valueOf(value)).replace('[', ' ').replace(']', ' ').split("[,\\s]+")) {
                codes.add(unquoted(code));
            }
        }
        Set<String> prefixes = new LinkedHashSet<>();
        for (String code : codes) {
            String prefix = prefix(code);
            if (prefix != null) {
                prefixes.add(prefix);
            } else if (!code.isBlank()) {
                Log.warnf("user %s: region '%s' is not a GB/T 2260 code (2, 4 or 6 digits); ignored", user, code);
            }
        }
        return List.copyOf(prefixes);
    }

    /** The subtree prefix of a 2-, 4- or 6-digit code (32, 3208, 320813; 320800 → 3208), or null for anything else. */
    static String prefix(String code) {
        String c = code == null ? "" : code.strip();
        if (!c.matches("\\d{2}|\\d{4}|\\d{6}")) {
            return null;
        }
        String six = (c + "0000").substring(0, 6);
        if (six.endsWith("0000")) {
            return six.substring(0, 2);
        }
        return six.endsWith("00") ? six.substring(0, 4) : six;
    }

    private static String unquoted(String text) {
        String t = text.strip();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }
}
