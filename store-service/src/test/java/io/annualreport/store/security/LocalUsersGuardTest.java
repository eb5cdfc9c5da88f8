package io.annualreport.store.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class LocalUsersGuardTest {

    @Test
    void shouldRefuseProductionWithBuiltInUsersAndNameThem() {
        assertThatThrownBy(() -> LocalUsersGuard.check(List.of("quarkus.http.port",
                "quarkus.security.users.embedded.users.reviewer", "quarkus.security.users.embedded.roles.reviewer",
                "quarkus.security.users.embedded.users.admin")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("[admin, reviewer]")
                .hasMessageContaining("OIDC");
    }

    @Test
    void shouldAcceptProductionWithoutBuiltInUsers() {
        LocalUsersGuard.check(List.of("quarkus.http.port", "quarkus.security.users.embedded.enabled",
                "quarkus.security.users.embedded.plain-text"));
    }

    @Test
    void shouldGiveEachRoleWhatItImplies() {
        assertThat(Roles.withImplied(Set.of("admin"))).containsExactlyInAnyOrder("admin", "reviewer", "submitter",
                "reader");
        assertThat(Roles.withImplied(Set.of("reviewer"))).containsExactlyInAnyOrder("reviewer", "reader");
        assertThat(Roles.withImplied(Set.of("submitter"))).containsExactlyInAnyOrder("submitter", "reader");
        assertThat(Roles.withImplied(Set.of("reader"))).containsExactly("reader");
        assertThat(Roles.withImplied(Set.of())).isEmpty();
    }
}
