package io.annualreport.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.annualreport.model.report.Cell;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.template.ColumnDef;
import io.annualreport.model.template.TemplateRegistry;
import io.annualreport.model.validation.Finding;
import io.annualreport.model.validation.Severity;
import io.annualreport.model.validation.SeverityCounts;
import io.annualreport.model.validation.Verdict;

/** Runs the consistency rules of template-spec §3 on a parsed report and decides its verdict. */
public final class RuleEngine {

    /** Version of the rule set; every finding carries it. */
    public static final String RULESET_VERSION = "0.1.0";

    /** Validates one report. */
    public ValidationResult validate(ParsedReport report, ValidationContext context) {
        List<Finding> findings = new ArrayList<>();
        List<String> notAssessable = new ArrayList<>();
        if (report.cells().keySet().stream().noneMatch(k -> k.startsWith("t3."))) {
            return new ValidationResult(RULESET_VERSION, Verdict.UNREADABLE, new SeverityCounts(0, 0, 0), findings,
                    List.of("T3-03"));
        }
        for (ColumnDef column : TemplateRegistry.t3Columns()) {
            String[] keys = {
                    TemplateRegistry.t3("new_received", column.key()),
                    TemplateRegistry.t3("carried_over", column.key()),
                    TemplateRegistry.t3("total_handled", column.key()),
                    TemplateRegistry.t3("carried_forward", column.key())};
            BigDecimal[] v = new BigDecimal[4];
            boolean assessable = true;
            for (int i = 0; i < 4; i++) {
                Cell cell = report.cells().get(keys[i]);
                v[i] = cell == null ? null : cell.value();
                assessable &= v[i] != null;
            }
            if (!assessable) {
                if (!notAssessable.contains("T3-03")) {
                    notAssessable.add("T3-03");
                }
                continue;
            }
            BigDecimal left = v[0].add(v[1]);
            BigDecimal right = v[2].add(v[3]);
            if (left.compareTo(right) != 0) {
                findings.add(new Finding("T3-03", "1.0.0", Severity.ERROR,
                        "表三勾稽关系不成立（" + column.label() + "列）：一 + 二 = " + left.toPlainString() + "，三(七) + 四 = "
                                + right.toPlainString(),
                        "T3 identity fails (" + column.key() + "): new + carried over = " + left.toPlainString()
                                + " but handled + carried forward = " + right.toPlainString(),
                        List.of(keys), 3, left, right, report.cells().get(keys[2]).source()));
            }
        }
        SeverityCounts counts = SeverityCounts.of(findings);
        Verdict verdict = counts.errors() > 0 ? Verdict.FAIL : counts.warnings() > 0 ? Verdict.WARN : Verdict.PASS;
        return new ValidationResult(RULESET_VERSION, verdict, counts, findings, notAssessable);
    }
}
