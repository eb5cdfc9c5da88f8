package io.annualreport.store.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Region codes of a user's setting or token claim become subtree prefixes; anything else is dropped. */
class RegionScopesTest {

    @Test
    void shouldTurnCodesIntoSubtreePrefixes() {
        assertThat(RegionScopes.prefixes("u", "320000, 320800 320813")).containsExactly("32", "3208", "320813");
        assertThat(RegionScopes.prefixes("u", List.of("3208", "11"))).containsExactly("3208", "11");
        // a JSON array claim whose items print with their quotes, and a claim printed as a JSON array string
        assertThat(RegionScopes.prefixes("u", List.of("\"320800\""))).containsExactly("3208");
        assertThat(RegionScopes.prefixes("u", "[\"320800\",\"110000\"]")).containsExactly("3208", "11");
    }

    @Test
    void shouldDropWhatIsNoRegionCodeSoThatSuchAScopeAllowsNothing() {
        assertThat(RegionScopes.prefixes("u", "江苏, 3, 12345, 3208x")).isEmpty();
        assertThat(RegionScopes.prefix("320813")).isEqualTo("320813");
        assertThat(RegionScopes.prefix("3208")).isEqualTo("3208");
        assertThat(RegionScopes.prefix(null)).isNull();
    }
}
