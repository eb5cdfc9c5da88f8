package io.annualreport.rules.engine;

/** A rule's catalogue entry together with its check. */
public record RegisteredRule(RuleSpec spec, Rule rule) {
}
