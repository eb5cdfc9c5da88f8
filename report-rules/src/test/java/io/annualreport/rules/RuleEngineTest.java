package io.annualreport.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.annualreport.model.report.Identity;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.template.Edition;
import io.annualreport.model.validation.Severity;
import io.annualreport.model.validation.Verdict;
import io.annualreport.rules.catalogue.RuleRegistry;
import io.annualreport.rules.engine.RegisteredRule;

class RuleEngineTest {

    @Test
    void shouldRegisterTheWholeCatalogueInOrder() {
        // Given
        List<String> expected = new java.util.ArrayList<>();
        for (int i = 1; i <= 19; i++) {
            expected.add(String.format("S-%02d", i));
        }
        for (int i = 1; i <= 6; i++) {
            expected.add(String.format("V-%02d", i));
        }
        for (int i = 1; i <= 8; i++) {
            expected.add(String.format("T3-%02d", i));
        }
        for (int i = 1; i <= 4; i++) {
            expected.add(String.format("T4-%02d", i));
        }
        for (int i = 1; i <= 4; i++) {
            expected.add(String.format("T2-%02d", i));
        }
        for (int i = 1; i <= 13; i++) {
            expected.add(String.format("X-%02d", i));
        }
        for (int i = 1; i <= 5; i++) {
            expected.add(String.format("Y-%02d", i));
        }
        // When
        List<String> registered = RuleRegistry.all().stream().map(r -> r.spec().id()).toList();
        // Then
        assertThat(registered).containsExactlyElementsOf(expected);
        assertThat(RuleRegistry.all()).filteredOn(r -> !r.spec().implemented()).extracting(r -> r.spec().id())
                .containsExactly("Y-05");
    }

    @Test
    void shouldChooseTheRuleSetByEditionThenByYear() {
        // Given
        Identity mixed2020 = new Identity(null, null, null, 2020, Edition.MIXED, Map.of());
        Identity unknown = new Identity(null, null, null, null, Edition.UNKNOWN, Map.of());
        Identity old2023 = new Identity(null, null, null, 2023, Edition.E2019, Map.of());
        // When / Then
        assertThat(RuleSets.forReport(mixed2020).id()).isEqualTo("2019-1.0.0");
        assertThat(RuleSets.forReport(unknown).id()).isEqualTo("2021-1.0.0");
        assertThat(RuleSets.forReport(old2023).id()).isEqualTo("2019-1.0.0");
        assertThat(RuleSets.E2019.rules()).extracting(RegisteredRule::spec).noneMatch(s -> s.id().equals("S-17"));
        assertThat(RuleSets.E2021.rules()).extracting(RegisteredRule::spec).noneMatch(s -> s.id().equals("T2-02"));
    }

    @Test
    void shouldBeUnreadableWithoutCascadeWhenNoTableCouldBeRead() {
        // Given: the tables are printed (their labels are in the text) but no cell could be read
        ReportFixture report = ReportFixture.clean2021().remove("t");
        // When
        ValidationResult result = report.validate();
        // Then: no table is called missing, no arithmetic runs
        assertThat(result.verdict()).isEqualTo(Verdict.UNREADABLE);
        assertThat(result.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
        assertThat(result.notAssessableReasons()).containsKey("S-05");
        assertThat(result.notAssessable()).contains("T3-01", "T4-01", "X-02", "Y-01");
    }

    @Test
    void shouldBeUnreadableForAnEmptyParse() {
        // Given
        ParsedReport report = new ParsedReport(null, List.of(), Map.of(), List.of(), null, List.of(), "");
        // When
        ValidationResult result = new RuleEngine().validate(report, null);
        // Then
        assertThat(result.verdict()).isEqualTo(Verdict.UNREADABLE);
        assertThat(result.findings()).extracting(f -> f.ruleId()).containsOnly("S-01", "S-12", "S-13");
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals("S-01")).hasSize(1);
    }

    @Test
    void shouldToleratePartsTheParserLeftNull() {
        // Given
        ParsedReport report = new ParsedReport(null, null, null, null, null, null, null);
        ParsedReport previous = new ParsedReport(null, null, null, null, null, null, null);
        // When
        ValidationResult result = new RuleEngine().validate(report,
                new ValidationContext(java.util.Optional.of(previous), List.of(previous)));
        // Then
        assertThat(result.verdict()).isEqualTo(Verdict.UNREADABLE);
        assertThat(result.notAssessable()).contains("T3-03", "Y-01");
    }

    @Test
    void shouldStampEveryFindingWithItsRuleVersionAndCountBySeverity() {
        // Given
        ReportFixture report = ReportFixture.clean2021().t3("disclosed", "total", 2).text(6, "无");
        // When
        ValidationResult result = report.validate();
        // Then
        assertThat(result.findings()).allSatisfy(f -> assertThat(f.ruleVersion()).isEqualTo("1.0.0"));
        assertThat(result.counts().errors()).isEqualTo(
                (int) result.findings().stream().filter(f -> f.severity() == Severity.ERROR).count());
        assertThat(result.counts().warnings()).isEqualTo(1);
        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void shouldGiveTheSameResultTwice() {
        // Given
        ParsedReport report = ReportFixture.clean2021().t3Row("new_received", 3, 1).appendText(1, "收到申请4件。").build();
        RuleEngine engine = new RuleEngine();
        // When
        ValidationResult first = engine.validate(report, ValidationContext.standalone());
        ValidationResult second = engine.validate(report, ValidationContext.standalone());
        // Then
        assertThat(second).isEqualTo(first);
        assertThat(first.findings()).isNotEmpty();
    }
}
