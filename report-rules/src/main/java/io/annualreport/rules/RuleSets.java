package io.annualreport.rules;

import java.util.List;

import io.annualreport.model.report.Identity;
import io.annualreport.model.template.Edition;
import io.annualreport.rules.catalogue.RuleRegistry;
import io.annualreport.rules.engine.RuleSet;

/** The versioned rule sets: one per edition of the national format, and how a report is assigned to one. */
public final class RuleSets {

    /** Rules for the 2021 format (国办公开办函〔2021〕30号), report years 2021 onward. */
    public static final RuleSet E2021 = new RuleSet(Edition.E2021, "1.0.0", 2021, null,
            RuleRegistry.all().stream().filter(r -> r.spec().editions().contains(Edition.E2021)).toList());
    /** Rules for the 2019 format (国办公开办函〔2019〕60号), report years 2019–2020. */
    public static final RuleSet E2019 = new RuleSet(Edition.E2019, "1.0.0", 2019, 2020,
            RuleRegistry.all().stream().filter(r -> r.spec().editions().contains(Edition.E2019)).toList());

    private RuleSets() {
    }

    /** Both rule sets, newest first. */
    public static List<RuleSet> all() {
        return List.of(E2021, E2019);
    }

    /**
     * The rule set for a report: the edition its tables show; for a mixed or unknown edition the one its year
     * calls for (2021 when the year is unknown too). S-10 and S-11 report the mismatch itself.
     */
    public static RuleSet forReport(Identity identity) {
        Edition edition = identity == null ? null : identity.edition();
        if (edition == Edition.E2019) {
            return E2019;
        }
        if (edition == Edition.E2021) {
            return E2021;
        }
        Integer year = identity == null ? null : identity.year();
        return year != null && year <= 2020 ? E2019 : E2021;
    }
}
