package io.annualreport.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class RulesCatalogueTest {

    private static final Path COMMITTED = Path.of("..", "docs", "rules.md");

    @Test
    void shouldMatchTheCommittedCatalogue() throws IOException {
        // Given
        String generated = RulesCatalogue.markdown();
        if (Boolean.getBoolean("rules.doc.write")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
        }
        // When
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        // Then
        assertThat(committed)
                .as("docs/rules.md is out of date with the rule registry; regenerate it with:%n%s%n",
                        RulesCatalogue.REGENERATE)
                .isEqualTo(generated);
    }

    @Test
    void shouldMatchTheJsonCatalogueServedByTheDashboard() throws IOException {
        // Given
        Path served = Path.of("..").resolve(RulesCatalogue.JSON_RESOURCE);
        String generated = RulesCatalogue.json();
        if (Boolean.getBoolean("rules.doc.write")) {
            Files.writeString(served, generated, StandardCharsets.UTF_8);
        }
        // When
        String committed = Files.exists(served) ? Files.readString(served, StandardCharsets.UTF_8) : "";
        // Then
        assertThat(committed)
                .as("%s is out of date with the rule registry; regenerate it with:%n%s%n", RulesCatalogue.JSON_RESOURCE,
                        RulesCatalogue.REGENERATE)
                .isEqualTo(generated);
        assertThat(generated).contains("\"id\" : \"T3-03\"")
                .contains("\"formula\" : \"∀ c: R1.c + R2.c = R3_7.c + R4.c\"");
    }

    @Test
    void shouldListEveryRuleWithItsSeverityAndImplementationStatus() {
        // Given
        String generated = RulesCatalogue.markdown();
        // When
        String y05 = generated.lines().filter(l -> l.startsWith("| Y-05 ")).findFirst().orElseThrow();
        String t303 = generated.lines().filter(l -> l.startsWith("| T3-03 ")).findFirst().orElseThrow();
        // Then
        assertThat(y05).contains("**no**", "WARNING");
        assertThat(t303).contains("ERROR", "R1.c + R2.c = R3_7.c + R4.c", "yes");
        assertThat(generated).contains("`2021-1.0.0`", "`2019-1.0.0`");
    }
}
