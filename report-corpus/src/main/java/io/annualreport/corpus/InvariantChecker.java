package io.annualreport.corpus;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.annualreport.model.report.Cell;
import io.annualreport.model.report.CellSemantic;
import io.annualreport.model.report.Fact;
import io.annualreport.model.report.Section;
import io.annualreport.model.template.CellDef;
import io.annualreport.model.template.ColumnDef;
import io.annualreport.model.template.Edition;
import io.annualreport.model.template.RowDef;
import io.annualreport.model.template.TemplateRegistry;

/**
 * Checks the invariants of a generated report with plain arithmetic, independently of the rule engine; blank and
 * "/" cells count as zero.
 */
public final class InvariantChecker {

    private static final BigDecimal YUAN_IN_10K_FIELD = BigDecimal.valueOf(100_000);
    private static final List<String> T4_GROUPS = List.of("review", "litigation_direct", "litigation_after_review");

    /** The invariants the report breaks; empty for a consistent report. */
    public Set<Invariant> broken(GeneratedReport report) {
        Map<String, Cell> cells = report.cells();
        Set<Invariant> broken = EnumSet.noneOf(Invariant.class);
        if (!t3RowTotalsHold(cells)) {
            broken.add(Invariant.T3_ROW_TOTALS);
        }
        if (!t3GrandTotalHolds(cells)) {
            broken.add(Invariant.T3_GRAND_TOTAL);
        }
        if (!t3IdentityHolds(cells)) {
            broken.add(Invariant.T3_IDENTITY);
        }
        if (!t4TotalsHold(cells)) {
            broken.add(Invariant.T4_TOTALS);
        }
        if (!narrativeMatches(report)) {
            broken.add(Invariant.NARRATIVE_MATCHES_TABLES);
        }
        if (!editionMatchesYear(report)) {
            broken.add(Invariant.EDITION_MATCHES_YEAR);
        }
        Set<Integer> parts = report.sections().stream().map(Section::number).collect(Collectors.toSet());
        if (!parts.equals(Set.of(1, 2, 3, 4, 5, 6))) {
            broken.add(Invariant.SIX_PARTS_PRESENT);
        }
        if (cells.values().stream().anyMatch(c -> c.semantic() == CellSemantic.EMPTY
                || c.semantic() == CellSemantic.NOT_APPLICABLE)) {
            broken.add(Invariant.NO_BLANK_CELLS);
        }
        if (cells.entrySet().stream().anyMatch(e -> !e.getKey().endsWith(".change") && e.getValue().value() != null
                && e.getValue().value().signum() < 0)) {
            broken.add(Invariant.NON_NEGATIVE_COUNTS);
        }
        if (cells.entrySet().stream().anyMatch(e -> e.getKey().endsWith("amount_10k_yuan") && !plausibleAmount(
                e.getValue()))) {
            broken.add(Invariant.FEE_UNIT_PLAUSIBLE);
        }
        return broken;
    }

    private static boolean t3RowTotalsHold(Map<String, Cell> cells) {
        for (RowDef row : presentRows(cells)) {
            List<String> keys = CellKeys.t3Row(row.key());
            BigDecimal sum = BigDecimal.ZERO;
            for (String key : keys.subList(0, keys.size() - 1)) {
                sum = sum.add(v(cells, key));
            }
            if (sum.compareTo(v(cells, keys.get(keys.size() - 1))) != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean t3GrandTotalHolds(Map<String, Cell> cells) {
        List<RowDef> details = presentRows(cells).stream()
                .filter(r -> !r.groups().isEmpty() && !r.key().equals("total_handled")).toList();
        for (ColumnDef column : TemplateRegistry.t3Columns()) {
            BigDecimal sum = BigDecimal.ZERO;
            for (RowDef row : details) {
                sum = sum.add(v(cells, TemplateRegistry.t3(row.key(), column.key())));
            }
            if (sum.compareTo(v(cells, TemplateRegistry.t3("total_handled", column.key()))) != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean t3IdentityHolds(Map<String, Cell> cells) {
        for (ColumnDef column : TemplateRegistry.t3Columns()) {
            String c = column.key();
            BigDecimal in = v(cells, TemplateRegistry.t3("new_received", c))
                    .add(v(cells, TemplateRegistry.t3("carried_over", c)));
            BigDecimal out = v(cells, TemplateRegistry.t3("total_handled", c))
                    .add(v(cells, TemplateRegistry.t3("carried_forward", c)));
            if (in.compareTo(out) != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean t4TotalsHold(Map<String, Cell> cells) {
        for (String group : T4_GROUPS) {
            BigDecimal sum = BigDecimal.ZERO;
            for (String outcome : List.of("upheld", "corrected", "other", "pending")) {
                sum = sum.add(v(cells, CellKeys.t4(group + "_" + outcome)));
            }
            if (sum.compareTo(v(cells, CellKeys.t4(group + "_total"))) != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean narrativeMatches(GeneratedReport report) {
        for (Fact fact : report.facts()) {
            BigDecimal expected = FactNames.tableValue(fact.name(), report.cells()).orElse(null);
            if (expected != null && expected.compareTo(fact.value()) != 0) {
                return false;
            }
            if (!fact.parts().isEmpty() && fact.parts().stream().map(Fact.FactPart::value)
                    .reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(fact.value()) != 0) {
                return false;
            }
            if (!report.text().substring(fact.start(), fact.end()).equals(fact.evidence())) {
                return false;
            }
        }
        return true;
    }

    private static boolean editionMatchesYear(GeneratedReport report) {
        Edition edition = report.edition();
        int year = report.identity().year();
        boolean fits = year <= 2020 ? edition == Edition.E2019 : edition == Edition.E2021;
        Set<String> expectedKeys = TemplateRegistry.cells(edition).stream().map(CellDef::key)
                .collect(Collectors.toSet());
        return fits && expectedKeys.equals(report.cells().keySet());
    }

    private static boolean plausibleAmount(Cell cell) {
        return !cell.raw().contains("元") && (cell.value() == null || cell.value().compareTo(YUAN_IN_10K_FIELD) < 0);
    }

    private static List<RowDef> presentRows(Map<String, Cell> cells) {
        return TemplateRegistry.t3RowsAllEditions().stream()
                .filter(r -> cells.containsKey(CellKeys.t3Total(r.key()))).toList();
    }

    private static BigDecimal v(Map<String, Cell> cells, String key) {
        return FactNames.value(cells, key);
    }
}
