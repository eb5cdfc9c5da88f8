package io.annualreport.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.annualreport.model.template.Edition;
import io.annualreport.rules.catalogue.RuleRegistry;
import io.annualreport.rules.engine.RegisteredRule;
import io.annualreport.rules.engine.RuleSet;
import io.annualreport.rules.engine.RuleSpec;

/** Renders the registered rules and rule sets as the Markdown catalogue committed as {@code docs/rules.md}. */
public final class RulesCatalogue {

    /** How to regenerate the committed file after changing a rule. */
    public static final String REGENERATE = "./mvnw -B -q -o -pl report-rules -am verify -Dtest=RulesCatalogueTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Drules.doc.write=true";

    private RulesCatalogue() {
    }

    /** Where the JSON catalogue is committed: served by store-service, which does not depend on this module. */
    public static final String JSON_RESOURCE = "store-service/src/main/resources/rules-catalogue.json";

    /**
     * The catalogue as JSON for the dashboard's rule page ({@code GET /api/v1/rules} of store-service): the rule sets,
     * and every rule with its id, version, severity, editions, years, part, statement, formula and messages.
     */
    public static String json() {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Map<String, Object>> sets = new ArrayList<>();
        for (RuleSet set : RuleSets.all()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", set.id());
            s.put("edition", editionName(set.edition()));
            s.put("fromYear", set.fromYear());
            s.put("toYear", set.toYear());
            s.put("rules", set.rules().stream().map(r -> r.spec().id()).toList());
            sets.add(s);
        }
        root.put("ruleSets", sets);
        List<Map<String, Object>> rules = new ArrayList<>();
        for (RegisteredRule rule : RuleRegistry.all()) {
            RuleSpec s = rule.spec();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", s.id());
            r.put("version", s.version());
            r.put("severity", s.severity().name());
            r.put("editions", s.editions().stream().map(RulesCatalogue::editionName).sorted().toList());
            r.put("fromYear", s.fromYear());
            r.put("toYear", s.toYear());
            r.put("part", s.part().name());
            r.put("section", s.part().section());
            r.put("title", s.title());
            r.put("formula", s.formula());
            r.put("messageZh", s.messageZh());
            r.put("messageEn", s.messageEn());
            r.put("implemented", s.implemented());
            r.put("input", s.note().isEmpty() ? defaultInput(s) : s.note());
            rules.add(r);
        }
        root.put("rules", rules);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The catalogue as Markdown. */
    public static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Consistency rules\n\n");
        md.append(
                "Generated from the rule registry of `report-rules` (`RulesCatalogue.markdown()`); do not edit by hand.")
                .append(" `RulesCatalogueTest` fails when this file differs from the code. Regenerate with:\n\n```\n")
                .append(REGENERATE).append("\n```\n\n");
        md.append(
                "The rules are those of the catalogue in docs/format.md §3, with the same ids. Severities: ERROR (the")
                .append(" report is objectively wrong), WARNING (probably wrong or non-canonical), INFO (a hint).\n\n");
        md.append("## Rule sets\n\n| rule set | edition | report years | rules |\n|---|---|---|---|\n");
        for (RuleSet set : RuleSets.all()) {
            md.append("| `").append(set.id()).append("` | ").append(editionName(set.edition())).append(" | ")
                    .append(set.fromYear()).append(set.toYear() == null ? "–" : "–" + set.toYear()).append(" | ")
                    .append(set.rules().size()).append(" |\n");
        }
        md.append("\nA report is validated with the rule set of the edition its tables show (`Identity.edition`); a")
                .append(" mixed or unknown edition falls back to the report year (2021 when unknown). S-10 and S-11")
                .append(" report the mismatch. Every finding carries the version of the rule that raised it, every result")
                .append(" the rule set id.\n\n");
        md.append("## Semantics\n\n")
                .append("- A blank (`EMPTY`) cell is a missing operand, never 0: every check using it is not assessable")
                .append(" (listed in `notAssessable`) and V-03 reports the blank cells once per table.\n")
                .append("- A not-applicable cell (`/`, `-`, `—`) counts as 0 and is not missing; V-03 notes it as INFO.\n")
                .append("- Absent versus unread: a rule that calls something missing (S-01, S-02, S-05…S-08) raises a")
                .append(" finding only when a complete file has no trace of it (the parser's reading report says ABSENT,")
                .append(" or, for events without one, a fuzzy search finds no heading variant, regional numbering, OCR")
                .append(" confusion, label, unplaced numbers or image marker). Otherwise the rule is not assessable and")
                .append(" the verdict is NEEDS_REVIEW. When neither T3 nor T4 was read, or nothing was parsed, the verdict")
                .append(" is UNREADABLE and no table or narrative rule runs.\n")
                .append("- Certainty (`engine.Calibration`, for every rule): a finding whose input cells include a cell that")
                .append(" is in the document but was not read is withdrawn and the rule is not assessable, with a Chinese")
                .append(" reason in `notAssessableReasons`; an ERROR whose input cells include a DOUBTFUL cell becomes a")
                .append(" WARNING that names the cell and asks for a human check. Verdicts: UNREADABLE > FAIL (an ERROR on")
                .append(" certain cells) > NEEDS_REVIEW (inputs unread or doubtful, identity uncertain, file damaged) >")
                .append(" WARN > PASS; see docs/verdicts.md.\n")
                .append("- Parse artefacts: the parser's `EXTRA_TRAILING_ZERO` warning is INFO (V-06).\n")
                .append("- Narrative rules read the parser's `ParsedReport.facts()` by name first and fall back to their")
                .append(" own keyword and number matching on the normalized section text (column \"input\"). Approximate")
                .append(" counts (\"5500余条\", Chinese numerals) are never read. Ambiguous phrasing is WARNING.\n")
                .append("- Y-rules read `ValidationContext`: `previousYear` (the same agency's report of year Y-1) and")
                .append(" `otherAgencies`; without them they are not assessable.\n\n");
        md.append("## Rules\n\n")
                .append("| id | version | severity | editions | part | statement | formula | message (zh) | message (en) |")
                .append(" implemented | input |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (RegisteredRule rule : RuleRegistry.all()) {
            RuleSpec s = rule.spec();
            md.append("| ").append(s.id()).append(" | ").append(s.version()).append(" | ").append(s.severity())
                    .append(" | ").append(s.editions().stream().map(RulesCatalogue::editionName).sorted()
                            .collect(Collectors.joining(", ")))
                    .append(years(s)).append(" | ").append(s.part()).append(" | ").append(cell(s.title()))
                    .append(" | ").append(cell(s.formula())).append(" | ").append(cell(s.messageZh())).append(" | ")
                    .append(cell(s.messageEn())).append(" | ").append(s.implemented() ? "yes" : "**no**")
                    .append(" | ").append(cell(s.note().isEmpty() ? defaultInput(s) : s.note())).append(" |\n");
        }
        return md.toString();
    }

    private static String defaultInput(RuleSpec spec) {
        return switch (spec.part()) {
            case T2, T3, T4 -> "table cells";
            case HISTORY -> "ValidationContext";
            default -> "ParsedReport.sections and text";
        };
    }

    private static String years(RuleSpec spec) {
        if (spec.fromYear() == null && spec.toYear() == null) {
            return "";
        }
        return " (" + (spec.fromYear() == null ? "" : spec.fromYear()) + "–"
                + (spec.toYear() == null ? "" : spec.toYear()) + ")";
    }

    private static String editionName(Edition edition) {
        return edition == Edition.E2019 ? "2019" : edition == Edition.E2021 ? "2021" : edition.code();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
