package io.annualreport.store.persistence;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.annualreport.model.report.Cell;
import io.annualreport.model.report.CellSemantic;

/**
 * The reviewers' current corrections of a report as cells the rules can read: the corrected value, certain, with the
 * page, line and source of the machine's reading where there was one; laid over the stored parse run whenever it is
 * validated again.
 */
@ApplicationScoped
public class CorrectedCells {

    private final ReviewRecords records;

    public CorrectedCells(ReviewRecords records) {
        this.records = records;
    }

    /** The corrected cells of the report by key, given the machine's cells of the parse run they correct. */
    public Map<String, Cell> of(String reportId, Map<String, Cell> machine) {
        Map<String, Cell> corrected = new LinkedHashMap<>();
        for (ReviewRecords.Correction correction : records.currentCorrections(reportId).values()) {
            Cell read = machine.get(correction.cellKey());
            corrected.put(correction.cellKey(), cell(correction, read));
        }
        return corrected;
    }

    static Cell cell(ReviewRecords.Correction correction, Cell read) {
        CellSemantic semantic = correction.value().compareTo(BigDecimal.ZERO) == 0
                ? CellSemantic.ZERO
                : CellSemantic.NUMERIC;
        return new Cell(correction.value(), correction.raw(), semantic, read == null ? null : read.page(),
                read == null ? null : read.line(), read == null ? null : read.source());
    }
}
