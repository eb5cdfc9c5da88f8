package io.annualreport.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProductionKeyGuardTest {

    private static final String RANDOM = "q8Zr2LxV0pNw7TfK3bYcM1sD9eHgJ4uA";

    @Test
    void shouldAcceptLongRandomKeys() {
        assertThatCode(() -> ProductionKeyGuard.check("bureau-a=" + RANDOM + ",bureau-b=" + RANDOM.toLowerCase()))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseTheDevelopmentKey() {
        assertThatThrownBy(() -> ProductionKeyGuard.check("dev=dev-key")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'dev'").hasMessageContaining("placeholder");
    }

    @Test
    void shouldRefuseTheExampleKeyOfTheOldManifests() {
        assertThatThrownBy(() -> ProductionKeyGuard.check("example-bureau=replace-with-a-long-random-key"))
                .hasMessageContaining("'example-bureau' is a placeholder");
    }

    @Test
    void shouldRefuseAShortKeyAndNameItsSubmitter() {
        assertThatThrownBy(() -> ProductionKeyGuard.check("bureau-a=" + RANDOM + ",bureau-b=Zx81kq"))
                .hasMessageContaining("'bureau-b' has 6 characters");
    }

    @Test
    void shouldListNoProblemForAFitKeyAndOneForAMissingList() {
        assertThat(KeyPolicy.problems("a=" + RANDOM)).isEmpty();
        assertThat(KeyPolicy.problems(" ")).containsExactly("no API key is configured");
    }
}
