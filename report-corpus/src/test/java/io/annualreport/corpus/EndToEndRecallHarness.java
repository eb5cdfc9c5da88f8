package io.annualreport.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.template.Edition;
import io.annualreport.model.validation.Finding;
import io.annualreport.model.validation.Severity;
import io.annualreport.parser.ParseHints;
import io.annualreport.parser.ReportParser;
import io.annualreport.rules.RuleEngine;
import io.annualreport.rules.RuleSets;
import io.annualreport.rules.ValidationContext;
import io.annualreport.rules.ValidationResult;
import io.annualreport.rules.engine.RegisteredRule;

/**
 * Measures the whole chain on rendered text (render, parse, validate): recall per defect class at the rule's own
 * severity, and ERROR findings on unmutated reports, per edition, text format and noise. A harness for the lead, not
 * a test; it asserts nothing.
 *
 * <p>
 * Arguments: reports per edition, format and noise (default 1000), seed (default 1).
 */
public final class EndToEndRecallHarness {

    private EndToEndRecallHarness() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        ReportParser parser = new ReportParser();
        ReportRenderer renderer = new ReportRenderer();
        RuleEngine engine = new RuleEngine();
        Map<String, Severity> severities = severities();
        for (Edition edition : List.of(Edition.E2019, Edition.E2021)) {
            for (Format format : List.of(Format.TEXT, Format.MARKDOWN)) {
                for (Noise noise : List.of(Noise.none(), Noise.all())) {
                    CorpusGenerator generator = new CorpusGenerator(seed);
                    List<GeneratedReport> reports = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        reports.add(generator.generate(edition, noise));
                    }
                    Map<String, Integer> errors = new TreeMap<>();
                    int withError = 0;
                    int exceptions = 0;
                    for (GeneratedReport report : reports) {
                        ValidationResult result = run(parser, engine, renderer.renderText(report, format, noise));
                        if (result == null) {
                            exceptions++;
                            continue;
                        }
                        boolean any = false;
                        for (Finding f : result.findings()) {
                            if (f.severity() == Severity.ERROR) {
                                errors.merge(f.ruleId(), 1, Integer::sum);
                                any = true;
                            }
                        }
                        withError += any ? 1 : 0;
                    }
                    System.out.printf("%s %s noise=%s: %d unmutated, %d with an ERROR %s, %d parse exceptions%n",
                            edition.code(), format, noise.kinds().isEmpty() ? "none" : "all", count, withError,
                            errors, exceptions);
                    Mutator mutator = new Mutator(seed + 1);
                    for (Mutation mutation : Mutation.values()) {
                        int caught = 0;
                        Map<String, Integer> onMisses = new TreeMap<>();
                        for (GeneratedReport report : reports) {
                            GeneratedReport mutated = mutator.mutate(report, mutation);
                            ValidationResult result = run(parser, engine,
                                    renderer.renderText(mutated, format, noise));
                            if (result == null) {
                                onMisses.merge("exception", 1, Integer::sum);
                                continue;
                            }
                            boolean hit = result.findings().stream()
                                    .anyMatch(f -> mutated.expectedRuleIds().contains(f.ruleId())
                                            && f.severity().ordinal() <= severities.get(f.ruleId()).ordinal());
                            if (hit) {
                                caught++;
                            } else {
                                result.findings().forEach(
                                        f -> onMisses.merge(f.ruleId() + "/" + f.severity(), 1, Integer::sum));
                            }
                        }
                        System.out.printf("  %-32s %7.1f%%  findings on misses %s%n", mutation,
                                100.0 * caught / count, top(onMisses));
                    }
                }
            }
        }
    }

    private static ValidationResult run(ReportParser parser, RuleEngine engine, String text) {
        try {
            ParsedReport parsed = parser.parse(new ExtractedDocument(text, List.of(), List.of(), null),
                    ParseHints.none());
            return engine.validate(parsed, ValidationContext.standalone());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Map<String, Integer> top(Map<String, Integer> counts) {
        Map<String, Integer> top = new TreeMap<>();
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(6)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }

    private static Map<String, Severity> severities() {
        Map<String, Severity> severities = new HashMap<>();
        for (var ruleSet : RuleSets.all()) {
            for (RegisteredRule rule : ruleSet.rules()) {
                severities.merge(rule.spec().id(), rule.spec().severity(),
                        (a, b) -> a.ordinal() <= b.ordinal() ? a : b);
            }
        }
        return severities;
    }
}
