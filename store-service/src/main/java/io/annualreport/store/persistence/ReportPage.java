package io.annualreport.store.persistence;

import java.util.List;

/** One page of the report list with the total number of matching reports. */
public record ReportPage(List<ReportSummary> items, int page, int size, long total) {
}
