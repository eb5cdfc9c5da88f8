package io.annualreport.model.report;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.annualreport.model.template.TableId;

/**
 * What the reader read of a report and what it could not: per part and per table, with reasons, so that nothing
 * unread is ever taken for something the agency left out.
 *
 * @param fileComplete false when the extractor saw a truncated or damaged file (see {@code damage})
 * @param damage reading warnings about the file itself, e.g. {@code DAMAGED_FILE: 交叉引用表损坏，仅读出部分页面}
 * @param identityDoubts why the agency or year is uncertain (e.g. {@code AGENCY_NOT_FOUND}, {@code AGENCY_ABBREVIATED}); where they were found is in {@code Identity.foundBy}, not here; empty when certain
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReadingReport(
        List<PartReading> parts,
        List<TableReading> tables,
        boolean fileComplete,
        List<String> damage,
        List<String> identityDoubts) {

    public ReadingReport {
        parts = parts == null ? List.of() : List.copyOf(parts);
        tables = tables == null ? List.of() : List.copyOf(tables);
        damage = damage == null ? List.of() : List.copyOf(damage);
        identityDoubts = identityDoubts == null ? List.of() : List.copyOf(identityDoubts);
    }

    /** The reading of one table, or null when the report has none for it. */
    public TableReading table(TableId id) {
        return tables.stream().filter(t -> t.table() == id).findFirst().orElse(null);
    }

    /** The reading of one part (1–6), or null. */
    public PartReading part(int number) {
        return parts.stream().filter(p -> p.part() == number).findFirst().orElse(null);
    }
}
