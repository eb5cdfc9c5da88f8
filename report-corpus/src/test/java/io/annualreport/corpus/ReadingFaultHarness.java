package io.annualreport.corpus;

import java.util.List;

import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.template.Edition;
import io.annualreport.model.validation.Finding;
import io.annualreport.model.validation.Severity;
import io.annualreport.model.validation.Verdict;
import io.annualreport.parser.ParseHints;
import io.annualreport.parser.ReportParser;
import io.annualreport.rules.RuleEngine;
import io.annualreport.rules.ValidationContext;
import io.annualreport.rules.ValidationResult;

/**
 * Measures the reading-fault suite at any size: per edition and fault class, the ERRORs on correct reports, how many
 * were NEEDS_REVIEW, and on reports with a planted defect elsewhere how many ERRORs were that defect (ERROR
 * precision) and how often it was found (recall). A harness for the lead, not a test; it asserts nothing.
 *
 * <p>
 * Arguments: reports per edition and fault class (default 1000), seed (default 1), optionally the fault classes to
 * run (comma-separated names; all by default).
 */
public final class ReadingFaultHarness {

    private ReadingFaultHarness() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        ReportParser parser = new ReportParser();
        ReportRenderer renderer = new ReportRenderer();
        RuleEngine engine = new RuleEngine();
        long trueErrors = 0;
        long allErrors = 0;
        System.out.printf("%-22s %-5s %7s %14s %13s %14s %16s%n", "fault", "ed.", "reports", "ERRORs(clean)",
                "NEEDS_REVIEW", "defect found", "other ERRORs");
        List<String> only = args.length > 2 ? List.of(args[2].split(",")) : List.of();
        for (ReadingFault fault : ReadingFault.values()) {
            if (!only.isEmpty() && !only.contains(fault.name())) {
                continue;
            }
            for (Edition edition : List.of(Edition.E2019, Edition.E2021)) {
                CorpusGenerator generator = new CorpusGenerator(seed + edition.ordinal());
                ReadingFaults faults = new ReadingFaults(seed * 31 + fault.ordinal());
                Mutator mutator = new Mutator(seed * 37 + fault.ordinal());
                Mutation defect = ReadingFaultSuiteTest.defectFor(fault);
                int cleanErrors = 0;
                int review = 0;
                int found = 0;
                int other = 0;
                for (int i = 0; i < count; i++) {
                    GeneratedReport report = generator.generate(edition);
                    Format format = i % 2 == 0 ? Format.TEXT : Format.MARKDOWN;
                    ValidationResult clean = run(parser, engine,
                            faults.inject(renderer.renderText(report, format, Noise.none()), fault, edition));
                    for (Finding f : clean.findings()) {
                        if (f.severity() == Severity.ERROR) {
                            cleanErrors++;
                            System.out.printf("  stray ERROR on a correct report (%s, %s): %s %s%n", format,
                                    report.identity().title(), f.ruleId(), f.message());
                        }
                    }
                    review += clean.verdict() == Verdict.NEEDS_REVIEW ? 1 : 0;
                    GeneratedReport mutated = mutator.mutate(report, defect);
                    ValidationResult bad = run(parser, engine,
                            faults.inject(renderer.renderText(mutated, format, Noise.none()), fault, edition));
                    boolean hit = false;
                    for (Finding f : bad.findings()) {
                        if (f.severity() == Severity.ERROR) {
                            if (mutated.expectedRuleIds().contains(f.ruleId())) {
                                hit = true;
                                trueErrors++;
                            } else {
                                other++;
                            }
                            allErrors++;
                        }
                    }
                    found += hit ? 1 : 0;
                }
                allErrors += cleanErrors;
                System.out.printf("%-22s %-5s %7d %14d %13d %14d %16d%n", fault, edition.code(), count, cleanErrors,
                        review, found, other);
            }
        }
        System.out.printf("ERROR precision: %d of %d ERRORs are the planted defect (%.2f%%)%n", trueErrors, allErrors,
                allErrors == 0 ? 100.0 : 100.0 * trueErrors / allErrors);
    }

    private static ValidationResult run(ReportParser parser, RuleEngine engine, String text) {
        return engine.validate(parser.parse(new ExtractedDocument(text, List.of(), List.of(), null),
                ParseHints.none()), ValidationContext.standalone());
    }
}
