package io.annualreport.store.persistence;

import java.time.Instant;

/**
 * One line of the report list: identity, status and the current verdict, without the content.
 *
 * @param versions how many reports the version group of this agency and year holds (1 when it has no other version)
 */
public record ReportSummary(String reportId, String fileName, String status, String title, String agency,
        String region, Integer year, String edition, String verdict, Integer errors, Integer warnings, Integer infos,
        String rulesetVersion, String parserVersion, Instant submittedAt, Instant statusAt, Instant validatedAt,
        boolean currentVersion, int versions) {
}
