package io.annualreport.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.annualreport.model.report.Cell;
import io.annualreport.model.report.CellSemantic;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.template.TemplateRegistry;
import io.annualreport.model.validation.Verdict;

class RuleEngineSmokeTest {

    @Test
    void shouldFailWhenNewPlusCarriedOverDiffersFromHandledPlusForward() {
        ParsedReport report = report(5, 1, 5, 1);
        ValidationResult result = new RuleEngine().validate(report, ValidationContext.standalone());
        assertThat(result.verdict()).isEqualTo(Verdict.PASS);

        ParsedReport broken = report(5, 1, 4, 0);
        ValidationResult failing = new RuleEngine().validate(broken, ValidationContext.standalone());
        assertThat(failing.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(failing.findings()).allMatch(f -> f.ruleId().equals("T3-03"));
        assertThat(failing.findings().get(0).expected()).isEqualByComparingTo("6");
        assertThat(failing.findings().get(0).actual()).isEqualByComparingTo("4");
    }

    private static ParsedReport report(int received, int carried, int handled, int forward) {
        Map<String, Cell> cells = new HashMap<>();
        for (var column : TemplateRegistry.t3Columns()) {
            put(cells, "new_received", column.key(), received);
            put(cells, "carried_over", column.key(), carried);
            put(cells, "total_handled", column.key(), handled);
            put(cells, "carried_forward", column.key(), forward);
        }
        return new ParsedReport(null, List.of(), cells, List.of(), null, List.of(), "");
    }

    private static void put(Map<String, Cell> cells, String row, String column, int value) {
        cells.put(TemplateRegistry.t3(row, column), new Cell(BigDecimal.valueOf(value), Integer.toString(value),
                value == 0 ? CellSemantic.ZERO : CellSemantic.NUMERIC, null, null, "row"));
    }
}
