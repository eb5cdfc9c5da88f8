package io.annualreport.parser;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.annualreport.model.template.Edition;
import io.annualreport.model.template.RowDef;
import io.annualreport.model.template.TemplateRegistry;

/**
 * Builds small report texts for hazard tests: a T3 and a T4 laid out as PDF visual rows (numbers separated by
 * spaces), with known numbers per row, so tests can distort one line and check what is read.
 */
final class ReportTexts {

    static final String T4_HEADING = "四、政府信息公开行政复议、行政诉讼情况";
    static final String T4_HEADER = "行政复议 行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉";
    static final String T4_DATA = "1 2 3 4 10 0 0 0 1 1 2 0 0 0 2";

    private ReportTexts() {
    }

    /** The natural-person value printed in T3 row {@code index} (0-based, printed order). */
    static BigDecimal natural(int index) {
        return BigDecimal.valueOf(index + 1);
    }

    /** The legal-service value printed in T3 row {@code index}. */
    static BigDecimal legal(int index) {
        return BigDecimal.valueOf(index % 3);
    }

    /** The total printed in T3 row {@code index}. */
    static BigDecimal total(int index) {
        return natural(index).add(legal(index));
    }

    /** The printed T3 row lines (group labels on their own line before the group's first row). */
    static List<String> t3Lines(Edition edition) {
        List<String> lines = new ArrayList<>();
        lines.add("三、收到和处理政府信息公开申请情况");
        lines.add(TemplateRegistry.T3_IDENTITY_NOTE);
        lines.add("申请人情况");
        lines.add("自然人 法人或其他组织 总计");
        lines.add("商业企业 科研机构 社会公益组织 法律服务机构 其他");
        List<String> printedGroups = new ArrayList<>();
        List<RowDef> rows = TemplateRegistry.t3Rows(edition);
        for (int i = 0; i < rows.size(); i++) {
            RowDef row = rows.get(i);
            for (String group : row.groups()) {
                if (!printedGroups.contains(group)) {
                    printedGroups.add(group);
                    lines.add(group);
                }
            }
            lines.add(row.label() + " " + natural(i) + " 0 0 0 " + legal(i) + " 0 " + total(i));
        }
        return lines;
    }

    /** A report with only parts 三 and 四 (other parts missing), in visual rows. */
    static String t3AndT4(Edition edition) {
        return String.join("\n", t3Lines(edition)) + "\n" + T4_HEADING + "\n" + T4_HEADER + "\n" + T4_DATA + "\n"
                + "五、存在的主要问题及改进情况\n无。\n";
    }

    /** The index of a T3 row key in printed order. */
    static int rowIndex(Edition edition, String key) {
        List<RowDef> rows = TemplateRegistry.t3Rows(edition);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException(key);
    }
}
