package io.annualreport.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.annualreport.model.validation.Finding;
import io.annualreport.model.validation.Severity;
import io.annualreport.rules.SampleReports.ExpectedFinding;
import io.annualreport.rules.SampleReports.Sample;

class ExpectedSamplesTest {

    static List<Sample> samples() throws IOException {
        return SampleReports.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void shouldRaiseEveryExpectedFindingAndMatchTheVerdict(Sample sample) {
        // Given
        RuleEngine engine = new RuleEngine();
        // When
        ValidationResult result = engine.validate(sample.report(), ValidationContext.standalone());
        // Then
        for (ExpectedFinding expected : sample.findings()) {
            assertThat(result.findings())
                    .as("%s must raise %s %s (%s)", sample.name(), expected.rule(), expected.severity(),
                            expected.about())
                    .anyMatch(f -> f.ruleId().equals(expected.rule())
                            && f.severity() == Severity.valueOf(expected.severity()));
        }
        assertThat(result.verdict().name())
                .as("%s verdict; findings: %s; review reasons: %s", sample.name(), describe(result.findings()),
                        result.reviewReasons())
                .isEqualTo(sample.verdict());
        List<String> unexpectedErrors = result.findings().stream().filter(f -> f.severity() == Severity.ERROR)
                .filter(f -> sample.findings().stream().noneMatch(e -> e.rule().equals(f.ruleId())))
                .map(f -> f.ruleId() + ": " + f.message()).toList();
        assertThat(unexpectedErrors).as("%s: no error beyond the expected findings", sample.name()).isEmpty();
    }

    private static String describe(List<Finding> findings) {
        return findings.stream().map(f -> f.ruleId() + " " + f.severity() + " " + f.message()).toList().toString();
    }
}
