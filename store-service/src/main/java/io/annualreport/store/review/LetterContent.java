package io.annualreport.store.review;

import java.time.LocalDate;
import java.util.List;

/**
 * What a review letter (审查意见书) says: the report, its verdict and review state, and every finding that is not
 * dismissed, with its cells by Chinese label, pages, evidence and the rule's text.
 */
public record LetterContent(String reportId, String agency, Integer year, String verdictLabel, String stateLabel,
        LocalDate date, List<Item> items) {

    /** One finding of the letter. */
    public record Item(int number, String severityLabel, String ruleId, String ruleTitle, String ruleFormula,
            String message, List<String> cells, List<Integer> pages, String evidence, String decisionLabel) {
    }

    /** The letter's title line. */
    public String title() {
        return "关于" + (agency == null ? "未识别机关" : agency) + (year == null ? "" : year + "年度")
                + "政府信息公开工作年度报告的审查意见书";
    }
}
