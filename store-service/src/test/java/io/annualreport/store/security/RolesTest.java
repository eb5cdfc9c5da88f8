package io.annualreport.store.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class RolesTest {

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
