package io.annualreport.model.report;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.annualreport.model.template.TableId;

/**
 * How one statistical table was read: coverage by rows and cells, doubts, and every row or cell not read with its
 * reason.
 *
 * @param foundBy {@code heading}, {@code label} (row labels of the table), {@code position} or {@code content}; null
 *        when not found
 * @param rowsExpected rows of the edition's template (for T3 the applicant-type columns are cells, not rows)
 * @param cellsDoubtful read cells whose certainty is {@link Certainty#DOUBTFUL}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TableReading(
        TableId table,
        ReadingStatus status,
        String foundBy,
        int rowsExpected,
        int rowsRead,
        int cellsExpected,
        int cellsRead,
        int cellsDoubtful,
        List<Unread> unread) {

    public TableReading {
        unread = unread == null ? List.of() : List.copyOf(unread);
    }
}
