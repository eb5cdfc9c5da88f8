package io.annualreport.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.annualreport.model.validation.Severity;
import io.annualreport.model.validation.Verdict;
import io.annualreport.rules.catalogue.RuleRegistry;

/** The "must not fire" half of every rule: clean reports of both editions raise nothing but the absent-period INFO. */
class CleanReportTest {

    static List<String> ruleIds() {
        return RuleRegistry.all().stream().map(r -> r.spec().id()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleIds")
    void shouldNotRaiseTheRuleOnACleanReportOfEitherEdition(String ruleId) {
        // Given
        ReportFixture clean2021 = ReportFixture.clean2021();
        ReportFixture clean2019 = ReportFixture.clean2019();
        // When
        ValidationResult newer = clean2021.validate();
        ValidationResult older = clean2019.validate();
        // Then
        assertThat(ReportFixture.findings(newer, ruleId)).as("2021 edition").isEmpty();
        assertThat(ReportFixture.findings(older, ruleId)).as("2019 edition").isEmpty();
    }

    @Test
    void shouldPassCleanReportsOfBothEditionsWithTheirRuleSetVersions() {
        // Given
        ReportFixture clean2021 = ReportFixture.clean2021();
        ReportFixture clean2019 = ReportFixture.clean2019();
        // When
        ValidationResult newer = clean2021.validate();
        ValidationResult older = clean2019.validate();
        // Then
        assertThat(newer.verdict()).isEqualTo(Verdict.PASS);
        assertThat(newer.rulesetVersion()).isEqualTo("2021-1.0.0");
        assertThat(older.verdict()).isEqualTo(Verdict.PASS);
        assertThat(older.rulesetVersion()).isEqualTo("2019-1.0.0");
        assertThat(newer.findings()).noneMatch(f -> f.severity() != Severity.INFO);
    }
}
