package io.annualreport.corpus;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.annualreport.model.template.Edition;
import io.annualreport.model.validation.Finding;
import io.annualreport.model.validation.Severity;
import io.annualreport.rules.RuleEngine;
import io.annualreport.rules.ValidationContext;
import io.annualreport.rules.ValidationResult;

/**
 * Measures report-rules on the generated truth: recall per defect class on mutated reports (a finding of an expected rule at the rule's own severity or above), and every ERROR raised
 * on unmutated ones. A harness for the lead, not a test; it asserts nothing.
 *
 * <p>
 * Arguments: reports per edition (default 1000), seed (default 1).
 */
public final class MutationRecallHarness {

    private MutationRecallHarness() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        RuleEngine engine = new RuleEngine();
        Map<String, Severity> severities = new java.util.HashMap<>();
        for (var ruleSet : io.annualreport.rules.RuleSets.all()) {
            for (var rule : ruleSet.rules()) {
                severities.merge(rule.spec().id(), rule.spec().severity(),
                        (a, b) -> a.ordinal() <= b.ordinal() ? a : b);
            }
        }
        for (Edition edition : List.of(Edition.E2019, Edition.E2021)) {
            List<GeneratedReport> reports = generate(edition, count, seed);
            Map<String, Integer> falseErrors = new TreeMap<>();
            int reportsWithError = 0;
            long start = System.nanoTime();
            for (GeneratedReport report : reports) {
                ValidationResult result = engine.validate(AsParsed.of(report), ValidationContext.standalone());
                boolean any = false;
                for (Finding finding : result.findings()) {
                    if (finding.severity() == Severity.ERROR) {
                        falseErrors.merge(finding.ruleId(), 1, Integer::sum);
                        any = true;
                    }
                }
                reportsWithError += any ? 1 : 0;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%s: %d unmutated reports, %d with an ERROR %s; validation %.0f reports/s%n",
                    edition.code(), count, reportsWithError, falseErrors, count / Math.max(seconds, 1e-9));
            System.out.printf("  %-32s %8s %8s  %s%n", "defect class", "reports", "recall", "rule ids fired on misses");
            Mutator mutator = new Mutator(seed + 1);
            for (Mutation mutation : Mutation.values()) {
                int detected = 0;
                Map<String, Integer> firedOnMisses = new TreeMap<>();
                for (GeneratedReport report : reports) {
                    GeneratedReport mutated = mutator.mutate(report, mutation);
                    ValidationResult result = engine.validate(AsParsed.of(mutated),
                            ValidationContext.standalone());
                    boolean hit = result.findings().stream()
                            .anyMatch(f -> mutated.expectedRuleIds().contains(f.ruleId())
                                    && f.severity().ordinal() <= severities.get(f.ruleId()).ordinal());
                    if (hit) {
                        detected++;
                    } else {
                        result.findings().forEach(f -> firedOnMisses.merge(f.ruleId(), 1, Integer::sum));
                    }
                }
                System.out.printf("  %-32s %8d %7.1f%%  %s%n", mutation, count, 100.0 * detected / count,
                        firedOnMisses);
            }
        }
    }

    private static List<GeneratedReport> generate(Edition edition, int count, long seed) {
        CorpusGenerator generator = new CorpusGenerator(seed);
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> generator.generate(edition)).toList();
    }
}
