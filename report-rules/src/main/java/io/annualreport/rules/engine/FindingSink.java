package io.annualreport.rules.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.annualreport.model.validation.Finding;
import io.annualreport.model.validation.Severity;

/** Collects the findings and the not-assessable rule ids of one validation run; bound to one rule at a time. */
public final class FindingSink {

    private final List<Finding> findings = new ArrayList<>();
    private final Set<String> notAssessable = new LinkedHashSet<>();
    private final Map<String, String> reasons = new LinkedHashMap<>();
    private final Map<String, Set<String>> reviews = new LinkedHashMap<>();
    private final Set<Finding> absenceChecked = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private RuleSpec spec;

    /** Binds the sink to the rule about to run. */
    public void bind(RuleSpec rule) {
        this.spec = rule;
    }

    /** The rule the sink is bound to. */
    public RuleSpec spec() {
        return spec;
    }

    /** Starts a finding of the bound rule whose messages are filled with the given parameters. */
    public Builder finding(Object... args) {
        return new Builder(spec, args);
    }

    /** Records that the bound rule could not be assessed on this report (a blank or unread operand, no context). */
    public void notAssessable() {
        notAssessable.add(spec.id());
    }

    /** Records that the bound rule could not be assessed, and why (in Chinese); the first reason given is kept. */
    public void notAssessable(String reasonZh) {
        notAssessable.add(spec.id());
        if (reasonZh != null) {
            reasons.putIfAbsent(spec.id(), reasonZh);
        }
    }

    /**
     * Records that something the bound rule needs is in the document but was not read, or read with doubt (in
     * Chinese): the report needs a human check, not a finding against it.
     */
    public void review(String reasonZh) {
        reviews.computeIfAbsent(reasonZh, r -> new LinkedHashSet<>()).add(spec.id());
    }

    /** Why each not-assessable rule could not be assessed, where known. */
    public Map<String, String> notAssessableReasons() {
        return Map.copyOf(reasons);
    }

    /** The review reasons, each with the rules it concerns, in the order met. */
    public Map<String, Set<String>> reviews() {
        return reviews;
    }

    /** Whether the rule that raised the finding told absent from unread itself (S-05…S-08 and the like). */
    public boolean absenceChecked(Finding finding) {
        return absenceChecked.contains(finding);
    }

    /** Whether the bound rule has been recorded as not assessable. */
    public boolean isNotAssessable() {
        return notAssessable.contains(spec.id());
    }

    /** The findings raised so far. */
    public List<Finding> findings() {
        return findings;
    }

    /** The ids of rules that could not be assessed, in the order they were met. */
    public List<String> notAssessableIds() {
        return List.copyOf(notAssessable);
    }

    /** Whether a rule id has raised a finding in this run. */
    public boolean raised(String ruleId) {
        for (Finding f : findings) {
            if (f.ruleId().equals(ruleId)) {
                return true;
            }
        }
        return false;
    }

    /** A finding under construction; {@link #raise()} adds it to the sink. */
    public final class Builder {
        private final RuleSpec rule;
        private final Object[] args;
        private Severity severity;
        private List<String> cells = List.of();
        private Integer section;
        private BigDecimal expected;
        private BigDecimal actual;
        private String evidence;
        private boolean checked;

        private Builder(RuleSpec rule, Object[] args) {
            this.rule = rule;
            this.args = args;
            this.severity = rule.severity();
            this.section = rule.part().section();
        }

        /** Overrides the rule's default severity (e.g. V-06 INFO/ERROR, Y-01 WARNING/ERROR). */
        public Builder severity(Severity value) {
            this.severity = value;
            return this;
        }

        /** The canonical cell keys involved. */
        public Builder cells(List<String> keys) {
            this.cells = List.copyOf(keys);
            return this;
        }

        /** The canonical cell keys involved. */
        public Builder cells(String... keys) {
            this.cells = List.of(keys);
            return this;
        }

        /** The part (1–6) involved. */
        public Builder section(Integer number) {
            this.section = number;
            return this;
        }

        /** The value the rule expected. */
        public Builder expected(BigDecimal value) {
            this.expected = value;
            return this;
        }

        /** The value found. */
        public Builder actual(BigDecimal value) {
            this.actual = value;
            return this;
        }

        /** The source line or the narrative sentence the finding rests on. */
        public Builder evidence(String text) {
            this.evidence = text == null ? null : text.length() > 300 ? text.substring(0, 300) + "…" : text;
            return this;
        }

        /**
         * Declares that the rule established that what the finding calls missing is absent from the document, not
         * merely unread, so the engine does not withdraw it for cells that were not read.
         */
        public Builder absenceChecked() {
            this.checked = true;
            return this;
        }

        /** Adds the finding to the sink. */
        public void raise() {
            Finding finding = new Finding(rule.id(), rule.version(), severity, rule.messageZh(args),
                    rule.messageEn(args), cells, section, expected, actual, evidence);
            findings.add(finding);
            if (checked) {
                absenceChecked.add(finding);
            }
        }
    }
}
