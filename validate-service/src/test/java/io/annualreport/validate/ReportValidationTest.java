package io.annualreport.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.annualreport.model.GoldenEvents;
import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.ReportParsedEvent;
import io.annualreport.model.event.ReportValidatedEvent;
import io.annualreport.model.history.CrossYearContext;
import io.annualreport.model.history.PreviousYearSnapshot;
import io.annualreport.model.report.Cell;
import io.annualreport.model.report.Identity;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.template.ColumnDef;
import io.annualreport.model.template.TemplateRegistry;
import io.annualreport.model.validation.Finding;
import io.annualreport.rules.RuleEngine;

class ReportValidationTest {

    private static ReportParsedEvent parsed2024(int carriedOver) {
        ReportParsedEvent golden = EventCodec.decode(GoldenEvents.json(GoldenEvents.PARSED), ReportParsedEvent.class);
        ParsedReport r = golden.report();
        Map<String, Cell> cells = new LinkedHashMap<>(r.cells());
        for (ColumnDef column : TemplateRegistry.t3Columns()) {
            int value = column.key().equals("total") || column.key().equals("natural_person") ? carriedOver : 0;
            cells.put(TemplateRegistry.t3("carried_over", column.key()),
                    Cell.of(String.valueOf(value), BigDecimal.valueOf(value), null));
        }
        Identity id = r.identity();
        ParsedReport report = new ParsedReport(new Identity(id.title(), "淮安市洪泽区人民政府", id.region(), 2024,
                id.edition(), id.foundBy()), r.sections(), cells, r.facts(), r.extraction(), r.parseWarnings(),
                r.text(), r.reading());
        return new ReportParsedEvent(UUID.randomUUID(), golden.reportId(), golden.occurredAt(), golden.schemaVersion(),
                golden.parserVersion(), golden.fileName(), golden.sha256(), report);
    }

    private static CrossYearContext previousYear(int carriedForward) {
        CrossYearContext golden = EventCodec.decode(GoldenEvents.json(GoldenEvents.CROSS_YEAR_CONTEXT),
                CrossYearContext.class);
        PreviousYearSnapshot p = golden.previousYear();
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (ColumnDef column : TemplateRegistry.t3Columns()) {
            int value = column.key().equals("total") || column.key().equals("natural_person") ? carriedForward : 0;
            cells.put(TemplateRegistry.t3("carried_forward", column.key()),
                    Cell.of(String.valueOf(value), BigDecimal.valueOf(value), null));
        }
        return new CrossYearContext(1, p.agencyId(), "EXACT_ALIAS", new PreviousYearSnapshot(p.agencyId(),
                p.agencyName(), 2023, p.reportId(), p.identity(), cells, p.facts(), p.sections(), List.of(),
                p.verdict()), golden.peers());
    }

    @Test
    void shouldAssessCarryOverAgainstTheSnapshotOfThePreviousYear() {
        // Given: the store knows the agency's 2023 report, which carried 3 applications forward
        List<String> asked = new java.util.ArrayList<>();
        ReportValidation validation = new ReportValidation(new RuleEngine(), (agency, full, year, exclude) -> {
            asked.add(agency + "|" + year + "|" + exclude);
            return previousYear(3);
        });
        ReportParsedEvent parsed = parsed2024(1);
        // When: the 2024 report says it carried over 1
        ReportValidatedEvent validated = validation.validate(parsed);
        // Then
        assertThat(asked).containsExactly("淮安市洪泽区人民政府|2024|" + parsed.reportId());
        assertThat(validated.notAssessable()).doesNotContain("Y-01");
        assertThat(validated.findings()).filteredOn(f -> f.ruleId().equals("Y-01")).extracting(Finding::expected)
                .isNotEmpty().allSatisfy(e -> assertThat(e).isIn(BigDecimal.valueOf(3)));
        assertThat(validated.notAssessable()).doesNotContain("Y-04");
    }

    @Test
    void shouldSayTheStoreIsAwayWhenTheLookUpFails() {
        // Given
        AtomicInteger failures = new AtomicInteger();
        ReportValidation validation = new ReportValidation(new RuleEngine(), (agency, full, year, exclude) -> {
            throw new IllegalStateException("connection refused");
        }, failures::incrementAndGet);
        // When
        ReportValidatedEvent validated = validation.validate(parsed2024(1));
        // Then
        assertThat(validated.notAssessable()).contains("Y-01", "Y-02", "Y-03", "Y-04");
        assertThat(validated.notAssessableReasons()).containsEntry("Y-01", ReportValidation.STORE_UNAVAILABLE);
        assertThat(failures).hasValue(1);
    }

    @Test
    void shouldSayThereIsNoPreviousYearWhenTheAgencyHasNone() {
        ReportValidation validation = new ReportValidation(new RuleEngine(),
                (agency, full, year, exclude) -> CrossYearContext.unknown());

        ReportValidatedEvent validated = validation.validate(parsed2024(1));

        assertThat(validated.notAssessableReasons()).containsEntry("Y-01",
                io.annualreport.rules.catalogue.CrossYearRules.NO_PREVIOUS_YEAR);
    }
}
