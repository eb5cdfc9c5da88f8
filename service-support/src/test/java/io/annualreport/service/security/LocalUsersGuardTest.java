package io.annualreport.service.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

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
        assertThatCode(() -> LocalUsersGuard.check(List.of("quarkus.http.port",
                "quarkus.security.users.embedded.enabled", "quarkus.security.users.embedded.plain-text")))
                .doesNotThrowAnyException();
    }
}
