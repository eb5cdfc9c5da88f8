package io.annualreport.rules.engine;

import java.util.List;
import java.util.Optional;

import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.template.Edition;

/**
 * What a rule reads: the parsed report, the edition and year the rule set was chosen for, the reports it may be
 * compared with, and two views of the report: {@link #tables()} (cells, rows, certainty) and {@link #text()} (parts,
 * narrative, facts).
 */
public final class RuleInput {

    private final ParsedReport report;
    private final Edition edition;
    private final Integer year;
    private final Optional<ParsedReport> previousYear;
    private final List<ParsedReport> otherAgencies;
    private final TableView tables;
    private final TextView text;
    private Coverage coverage;

    /**
     * @param previousYear the same agency's report of the previous year, if known
     * @param otherAgencies reports of other agencies to compare narratives with; empty when not looked up
     */
    public RuleInput(ParsedReport report, Edition edition, Integer year, Optional<ParsedReport> previousYear,
            List<ParsedReport> otherAgencies) {
        this.report = report;
        this.edition = edition;
        this.year = year;
        this.previousYear = previousYear == null ? Optional.empty() : previousYear;
        this.otherAgencies = otherAgencies == null ? List.of() : List.copyOf(otherAgencies);
        this.tables = new TableView(report.cells(), edition);
        this.text = new TextView(report.text(), report.sections(), report.facts());
    }

    /** The parsed report as published by the parser. */
    public ParsedReport report() {
        return report;
    }

    /** The edition the rule set was chosen for: E2019 or E2021. */
    public Edition edition() {
        return edition;
    }

    /** The report year, or null when unknown. */
    public Integer year() {
        return year;
    }

    /** The same agency's report of the previous year, if stored. */
    public Optional<ParsedReport> previousYear() {
        return previousYear;
    }

    /** Reports of other agencies to compare narratives with; empty when not looked up. */
    public List<ParsedReport> otherAgencies() {
        return otherAgencies;
    }

    /** The table view: cells by key, rows, operand states and certainty. */
    public TableView tables() {
        return tables;
    }

    /** The text view: parts, narrative, sentences and facts. */
    public TextView text() {
        return text;
    }

    /** What was read, what is there but unread, and what the document lacks. */
    public Coverage coverage() {
        if (coverage == null) {
            coverage = Coverage.of(this);
        }
        return coverage;
    }
}
