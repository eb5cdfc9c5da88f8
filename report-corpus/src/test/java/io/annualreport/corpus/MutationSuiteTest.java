package io.annualreport.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.annualreport.model.template.Edition;
import io.annualreport.model.validation.Finding;
import io.annualreport.model.validation.Severity;
import io.annualreport.rules.RuleEngine;
import io.annualreport.rules.RuleSets;
import io.annualreport.rules.ValidationContext;
import io.annualreport.rules.ValidationResult;
import io.annualreport.rules.engine.RegisteredRule;

/**
 * The mutation suite of issue 5 on the generated truth: every defect class injected into 1,000 reports per edition
 * must be caught by its rule at the rule's own severity in at least 99% of the reports, and unmutated reports must
 * raise no ERROR at all.
 */
class MutationSuiteTest {

    private static final int REPORTS_PER_EDITION = 1_000;
    private static final double REQUIRED_RECALL = 0.99;
    private static final long CORPUS_SEED = 20_260_505L;

    private static final Map<Edition, List<GeneratedReport>> CORPUS = new EnumMap<>(Edition.class);
    private static final Map<String, Severity> CATALOGUE_SEVERITY = catalogueSeverities();

    private final RuleEngine engine = new RuleEngine();

    private static synchronized List<GeneratedReport> corpus(Edition edition) {
        return CORPUS.computeIfAbsent(edition, e -> {
            CorpusGenerator generator = new CorpusGenerator(CORPUS_SEED + e.ordinal());
            List<GeneratedReport> reports = new ArrayList<>(REPORTS_PER_EDITION);
            for (int i = 0; i < REPORTS_PER_EDITION; i++) {
                reports.add(generator.generate(e));
            }
            return reports;
        });
    }

    private static Map<String, Severity> catalogueSeverities() {
        Map<String, Severity> severities = new HashMap<>();
        for (var ruleSet : RuleSets.all()) {
            for (RegisteredRule rule : ruleSet.rules()) {
                severities.merge(rule.spec().id(), rule.spec().severity(),
                        (a, b) -> a.ordinal() <= b.ordinal() ? a : b);
            }
        }
        return severities;
    }

    static Stream<Arguments> defectClassesAndEditions() {
        return Stream.of(Mutation.values())
                .flatMap(m -> Stream.of(Edition.E2019, Edition.E2021).map(e -> Arguments.of(m, e)));
    }

    @ParameterizedTest(name = "{0} in {1} reports")
    @MethodSource("defectClassesAndEditions")
    void shouldCatchEveryDefectClassInAtLeast99PercentOfMutatedReports(Mutation mutation, Edition edition) {
        // Given
        List<GeneratedReport> reports = corpus(edition);
        Mutator mutator = new Mutator(CORPUS_SEED * 31 + mutation.ordinal() * 2L + edition.ordinal());
        int caught = 0;
        Map<String, Integer> firedOnMisses = new TreeMap<>();
        List<String> missedTitles = new ArrayList<>();

        // When
        for (GeneratedReport report : reports) {
            GeneratedReport mutated = mutator.mutate(report, mutation);
            ValidationResult result = engine.validate(AsParsed.of(mutated), ValidationContext.standalone());
            if (result.findings().stream().anyMatch(f -> catches(f, mutated.expectedRuleIds()))) {
                caught++;
            } else {
                result.findings().forEach(f -> firedOnMisses.merge(f.ruleId() + "/" + f.severity(), 1, Integer::sum));
                if (missedTitles.size() < 3) {
                    missedTitles.add(mutated.identity().title() + " expecting " + mutated.expectedRuleIds());
                }
            }
        }

        // Then
        double recall = (double) caught / reports.size();
        assertThat(recall)
                .as("recall of %s on %d %s reports; findings on misses %s; first misses %s", mutation,
                        reports.size(), edition.code(), firedOnMisses, missedTitles)
                .isGreaterThanOrEqualTo(REQUIRED_RECALL);
    }

    @ParameterizedTest
    @EnumSource(value = Edition.class, names = {"E2019", "E2021"})
    void shouldRaiseNoErrorOnUnmutatedReports(Edition edition) {
        // Given
        List<GeneratedReport> reports = corpus(edition);
        Map<String, Integer> errorsByRule = new TreeMap<>();
        List<String> firstErrors = new ArrayList<>();

        // When
        for (GeneratedReport report : reports) {
            ValidationResult result = engine.validate(AsParsed.of(report), ValidationContext.standalone());
            for (Finding finding : result.findings()) {
                if (finding.severity() == Severity.ERROR) {
                    errorsByRule.merge(finding.ruleId(), 1, Integer::sum);
                    if (firstErrors.size() < 3) {
                        firstErrors.add(report.identity().title() + ": " + finding.ruleId());
                    }
                }
            }
        }

        // Then
        assertThat(reports).hasSize(REPORTS_PER_EDITION);
        assertThat(errorsByRule).as("ERROR findings on unmutated %s reports, first %s", edition.code(), firstErrors)
                .isEmpty();
    }

    /** A finding of an expected rule at the severity the catalogue gives that rule, or more severe. */
    private static boolean catches(Finding finding, List<String> expectedRuleIds) {
        if (!expectedRuleIds.contains(finding.ruleId())) {
            return false;
        }
        Severity required = CATALOGUE_SEVERITY.get(finding.ruleId());
        return required != null && finding.severity().ordinal() <= required.ordinal();
    }
}
