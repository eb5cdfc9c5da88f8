package io.annualreport.corpus;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.annualreport.model.report.Cell;
import io.annualreport.model.report.Identity;

/**
 * Everything drawn for one generated report, from which its parts, text and facts are derived.
 *
 * @param identity title, agency, region, year and the edition of the printed tables
 * @param cells the table cells keyed as in TemplateRegistry, in printed order
 * @param henanUnitLabels whether money columns print the Henan label "（单位：万元，保留4位小数）"
 * @param narrativeSeed the seed of the narrative's phrase choices
 * @param narrativeOverrides fact names whose stated number deliberately differs from the tables (mutations)
 * @param omittedParts part numbers left out of the report (mutations)
 * @param noise the noise planned for this report
 * @param mutation the defect injected, or null for a consistent report
 * @param expectedRuleIds the rule ids of which at least one must fire because of the mutation
 */
public record ReportSpec(
        long seed,
        Identity identity,
        Map<String, Cell> cells,
        boolean henanUnitLabels,
        long narrativeSeed,
        Map<String, BigDecimal> narrativeOverrides,
        Set<Integer> omittedParts,
        List<InjectedNoise> noise,
        Mutation mutation,
        List<String> expectedRuleIds) {
}
