package io.annualreport.corpus;

import java.util.ArrayList;
import java.util.List;

import io.annualreport.model.report.Fact;
import io.annualreport.model.report.Section;

/** Derives a report's parts, canonical text, truth sections and fact spans from its spec. */
final class ReportAssembler {

    private ReportAssembler() {
    }

    static GeneratedReport assemble(ReportSpec spec) {
        NarrativeWriter.Narrative narrative = new NarrativeWriter(spec).write();
        GeneratedReport draft = new GeneratedReport(spec, narrative.parts(), List.of(), List.of(), "");
        TextRenderer renderer = new TextRenderer(draft, Noise.none(), false);
        StringBuilder text = new StringBuilder(renderer.head()).append("\n\n");
        List<Section> sections = new ArrayList<>();
        for (Part part : narrative.parts()) {
            String rendered = renderer.part(part);
            int start = text.length();
            int bodyOffset = rendered.indexOf('\n');
            String body = bodyOffset < 0 ? "" : rendered.substring(bodyOffset).replaceFirst("^\\n+", "");
            text.append(rendered);
            sections.add(new Section(part.number(), part.heading(), body, start, text.length()));
            text.append("\n\n");
        }
        String full = text.toString();
        List<Fact> facts = new ArrayList<>();
        for (NarrativeWriter.StatedFact f : narrative.facts()) {
            Section section = sections.stream().filter(s -> s.number() == f.section()).findFirst().orElseThrow();
            int start = full.indexOf(f.evidence(), section.start());
            if (start < 0) {
                throw new IllegalStateException("Evidence not in text: " + f.evidence());
            }
            facts.add(new Fact(f.name(), f.value(), f.section(), f.evidence(), start, start + f.evidence().length(),
                    f.parts()));
        }
        return new GeneratedReport(spec, narrative.parts(), List.copyOf(sections), List.copyOf(facts), full);
    }
}
