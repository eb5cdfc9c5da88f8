package io.annualreport.rules.catalogue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.annualreport.rules.engine.RegisteredRule;

/** Every rule of the catalogue (docs/format.md §3), implemented or not, in catalogue order S, V, T3, T4, T2, X, Y. */
public final class RuleRegistry {

    private static final List<String> FAMILIES = List.of("S", "V", "T3", "T4", "T2", "X", "Y");
    private static final List<RegisteredRule> ALL;

    static {
        List<RegisteredRule> rules = new ArrayList<>();
        rules.addAll(SectionRules.rules());
        rules.addAll(TableStructureRules.rules());
        rules.addAll(CellValueRules.rules());
        rules.addAll(T3Rules.rules());
        rules.addAll(T4Rules.rules());
        rules.addAll(T2Rules.rules());
        rules.addAll(ApplicationNarrativeRules.rules());
        rules.addAll(ReviewNarrativeRules.rules());
        rules.addAll(OtherNarrativeRules.rules());
        rules.addAll(CrossYearRules.rules());
        rules.sort(Comparator.comparing((RegisteredRule r) -> FAMILIES.indexOf(family(r.spec().id())))
                .thenComparing(r -> Integer.parseInt(r.spec().id().substring(r.spec().id().lastIndexOf('-') + 1))));
        ALL = List.copyOf(rules);
    }

    private RuleRegistry() {
    }

    private static String family(String id) {
        return id.substring(0, id.lastIndexOf('-'));
    }

    /** All registered rules in catalogue order. */
    public static List<RegisteredRule> all() {
        return ALL;
    }
}
