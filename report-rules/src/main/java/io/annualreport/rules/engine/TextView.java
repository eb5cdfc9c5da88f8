package io.annualreport.rules.engine;

import java.util.ArrayList;
import java.util.List;

import io.annualreport.model.report.Fact;
import io.annualreport.model.report.Section;
import io.annualreport.model.text.NarrativeText;

/**
 * The text view of a report for the rules: the six parts as the parser split them, their normalized narrative and
 * sentences, the whole text in compact form, and the narrative facts the parser extracted.
 */
public final class TextView {

    private final String text;
    private final List<Section> sections;
    private final List<Fact> facts;
    private final String[] narratives = new String[7];
    private final String[] compactSections = new String[7];
    private final List<List<String>> sentences = new ArrayList<>();
    private String compactText;

    TextView(String text, List<Section> sections, List<Fact> facts) {
        this.text = text;
        this.sections = sections == null ? List.of() : sections;
        this.facts = facts == null ? List.of() : facts;
        for (int i = 0; i <= 6; i++) {
            sentences.add(null);
        }
    }

    /** The full text as parsed, or null. */
    public String raw() {
        return text;
    }

    /** The parts the parser found (never null). */
    public List<Section> sections() {
        return sections;
    }

    /** The section with this number (1–6), or null. */
    public Section section(int number) {
        for (Section s : sections) {
            if (s.number() == number) {
                return s;
            }
        }
        return null;
    }

    /** The normalized narrative of a section (table rows dropped, lines joined), empty when absent. */
    public String narrative(int number) {
        String cached = narratives[number];
        if (cached == null) {
            Section s = section(number);
            cached = s == null ? "" : NarrativeText.narrative(s.text());
            narratives[number] = cached;
        }
        return cached;
    }

    /** A section's whole text (tables included) without whitespace, folded; empty when the section is absent. */
    public String compactSection(int number) {
        String cached = compactSections[number];
        if (cached == null) {
            Section s = section(number);
            cached = s == null ? "" : NarrativeText.compact(s.text());
            compactSections[number] = cached;
        }
        return cached;
    }

    /** The sentences of a section's narrative. */
    public List<String> sentences(int number) {
        List<String> cached = sentences.get(number);
        if (cached == null) {
            cached = NarrativeText.sentences(narrative(number));
            sentences.set(number, cached);
        }
        return cached;
    }

    /** The full text without whitespace, for phrase and marker lookups. */
    public String compactText() {
        if (compactText == null) {
            compactText = NarrativeText.compact(text);
        }
        return compactText;
    }

    /** The document facts the parser read under this name (across wrapped lines; see {@link Fact}). */
    public List<Fact> facts(String name) {
        return facts(name, false);
    }

    /** The sentence facts the parser read under this name, in part and sentence order (see {@link Fact}). */
    public List<Fact> sentenceFacts(String name) {
        return facts(name, true);
    }

    /** The document facts of this name, or its sentence facts when there is no document fact. */
    public List<Fact> factsOrSentenceFacts(String name) {
        List<Fact> document = facts(name);
        return document.isEmpty() ? sentenceFacts(name) : document;
    }

    private List<Fact> facts(String name, boolean sentence) {
        List<Fact> out = new ArrayList<>(1);
        for (Fact f : facts) {
            if (name.equals(f.name()) && f.value() != null && f.sentenceFact() == sentence) {
                out.add(f);
            }
        }
        return out;
    }
}
