package io.annualreport.corpus;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.annualreport.model.report.Cell;
import io.annualreport.model.report.Extraction;
import io.annualreport.model.report.ExtractionMethod;
import io.annualreport.model.report.Fact;
import io.annualreport.model.report.Identity;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.report.Section;
import io.annualreport.model.template.Edition;

/**
 * A synthetic report with its ground truth: identity, cells, the six parts with their text spans, and the facts the
 * narrative states.
 *
 * @param parts the content to render, in order (a part missing only when a mutation removed it)
 * @param sections the truth sections, spans into {@code text}
 * @param facts the numbers the narrative states, spans into {@code text}
 * @param text the canonical clean text of the report (the TEXT rendering without noise)
 */
public record GeneratedReport(ReportSpec spec, List<Part> parts, List<Section> sections, List<Fact> facts,
        String text) {

    /** Title, agency, year and the edition of the printed tables. */
    public Identity identity() {
        return spec.identity();
    }

    /** The edition of the printed tables. */
    public Edition edition() {
        return spec.identity().edition();
    }

    /** The table cells keyed as in TemplateRegistry. */
    public Map<String, Cell> cells() {
        return spec.cells();
    }

    /** The noise planned for this report. */
    public List<InjectedNoise> noise() {
        return spec.noise();
    }

    /** The noise of one kind planned for this report. */
    public List<InjectedNoise> noise(NoiseKind kind) {
        return spec.noise().stream().filter(n -> n.kind() == kind).toList();
    }

    /** The injected defect, if any. */
    public Optional<Mutation> mutation() {
        return Optional.ofNullable(spec.mutation());
    }

    /** The rule ids of which at least one must fire because of the mutation; empty when unmutated. */
    public List<String> expectedRuleIds() {
        return spec.expectedRuleIds();
    }

    /** The narrative fact of a name, if the narrative states it. */
    public Optional<Fact> fact(String name) {
        return facts.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The truth as the parser should produce it, for running the rules directly on it. */
    public ParsedReport toParsedReport() {
        Extraction extraction = new Extraction("text/plain", ExtractionMethod.PLAIN_TEXT, 1, text.length(), 0,
                List.of(), List.of());
        return new ParsedReport(spec.identity(), sections, spec.cells(), facts, extraction, List.of(), text);
    }
}
