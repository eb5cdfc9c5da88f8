package io.annualreport.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;

import io.annualreport.model.report.Fact;
import io.annualreport.model.validation.Finding;
import io.annualreport.testing.architecture.PackageRules;

/**
 * The rules read narrative numbers only as the parser's facts: no rule class compiles a regular expression, except
 * the few that search headings, titles, agency names or the parser's own warning messages (none of them reads a
 * number from the narrative).
 */
class NarrativeNumbersFromFactsTest {

    /**
     * {@code Coverage} finds part headings with a fuzzy search, {@code SectionRules} checks the title, headings and
     * placeholders of the document's structure, {@code T2Rules} classifies the agency name, {@code RowsWithBlanks}
     * reads the parser's warning message "N of M values printed".
     */
    private static final Set<String> TEXT_SEARCH_ALLOWED = Set.of("Coverage", "SectionRules", "T2Rules",
            "RowsWithBlanks");
    private static final JavaClasses MAIN = PackageRules.mainClassesOf("io.annualreport.rules");

    @Test
    void shouldCompileNoRegexOutsideTheHeadingTitleAndNameSearches() {
        // Given the classes of report-rules
        assertThat(MAIN.stream().map(JavaClass::getSimpleName)).contains("NarrativeNumbers",
                "ApplicationNarrativeRules", "ReviewNarrativeRules", "OtherNarrativeRules", "T3Rules");

        // Then
        noClasses().that().resideInAPackage("io.annualreport.rules..")
                .and().doNotHaveSimpleName("Coverage").and().doNotHaveSimpleName("SectionRules")
                .and().doNotHaveSimpleName("T2Rules").and().doNotHaveSimpleName("RowsWithBlanks")
                .should().dependOnClassesThat().resideInAPackage("java.util.regex")
                .because("narrative numbers are the parser's facts (" + TEXT_SEARCH_ALLOWED + " search other text)")
                .check(MAIN);
    }

    @Test
    void shouldTakeTheNumberFromTheFactNotFromTheText() {
        // Given a text that says 3 applications were carried over, and a document fact that says 5
        ReportFixture report = ReportFixture.clean2021()
                .appendText(3, "本年度上年结转政府信息公开申请3件。")
                .fact(new Fact("applications_carried_over", new BigDecimal(5), 3, "上年结转5件", 0, 0, List.of()));

        // When
        List<Finding> findings = ReportFixture.findings(report.validate(), "X-03");

        // Then the fact is compared with the table (0), the sentence is not read again
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.actual()).isEqualByComparingTo("5"));
    }

    @Test
    void shouldReadNothingFromTheTextWithoutTheParsersFacts() {
        // Given a report whose parts state numbers that contradict the tables, but which carries no fact
        ReportFixture report = ReportFixture.clean2021()
                .appendText(3, "本年度上年结转政府信息公开申请3件，办结政府信息公开申请7件。")
                .withoutSentenceFacts();

        // When
        var result = report.validate();

        // Then no narrative rule has anything to compare
        assertThat(ReportFixture.findings(result, "X-03")).isEmpty();
        assertThat(ReportFixture.findings(result, "X-04")).isEmpty();
    }
}
