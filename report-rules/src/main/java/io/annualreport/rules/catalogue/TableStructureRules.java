package io.annualreport.rules.catalogue;

import static io.annualreport.rules.catalogue.Specs.BOTH;
import static io.annualreport.rules.catalogue.Specs.E;
import static io.annualreport.rules.catalogue.Specs.W;
import static io.annualreport.rules.catalogue.Specs.spec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.annualreport.model.report.ParseWarning;
import io.annualreport.model.report.ReadingStatus;
import io.annualreport.model.report.Section;
import io.annualreport.model.template.ColumnDef;
import io.annualreport.model.template.Edition;
import io.annualreport.model.template.RowDef;
import io.annualreport.model.template.SubTableDef;
import io.annualreport.model.template.TemplateRegistry;
import io.annualreport.model.validation.Severity;
import io.annualreport.rules.engine.Coverage;
import io.annualreport.rules.engine.FindingSink;
import io.annualreport.rules.engine.Part;
import io.annualreport.rules.engine.RegisteredRule;
import io.annualreport.rules.engine.RuleInput;
import io.annualreport.rules.engine.RuleSpec;
import io.annualreport.rules.engine.TableView;

/** Table structure rules (docs/format.md §3.1): tables present, T3 rows and columns, T4 cells, T2 labels, edition. */
public final class TableStructureRules {

    static final RuleSpec S_05 = spec("S-05", E, BOTH, Part.DOCUMENT, "T2, T3, T4 present under 二/三/四",
            "a part heading is present but no cell of its table was read ⇒ table missing (often an image)",
            "第{0}部分有标题但未读到{1}的任何数据（表格缺失或为图片）",
            "Part {0} is present but no cell of {1} could be read (table missing or an image)");
    static final RuleSpec S_06 = spec("S-06", E, BOTH, Part.T3, "T3 row set complete and ordered",
            "25 rows (2021) / 23 rows (2019); a missing row is an ERROR (one finding for all); 三(六) printed in the"
                    + " other edition's shape is a WARNING; row order is the parser's concern (cells are keyed by row)",
            "表三{0}", "T3 {1}");
    static final RuleSpec S_07 = spec("S-07", E, BOTH, Part.T3, "T3 column set complete",
            "7 numeric columns NP, CE, RI, SW, LS, OT, TOT", "表三缺少“{0}”列的数据", "T3 has no data in column {1}");
    static final RuleSpec S_08 = spec("S-08", E, BOTH, Part.T4, "T4 has exactly 15 numeric cells",
            "count == 15 (extra trailing zeros are dropped by the parser and reported by V-06)",
            "表四读到{0}个单元格，应为15个", "T4 has {0} cells instead of 15");
    static final RuleSpec S_09 = spec("S-09", W, BOTH, Part.T2, "T2 sub-tables and labels match the edition",
            "§1.4 (2021) / §2.2 (2019) column labels present in part 二; 2021 row label 行政规范性文件; parse warnings"
                    + " EXTRA_ROW / LABEL_VARIANT on t2",
            "表二与{0}版格式不符：{1}", "T2 does not match the {0} format: {1}");
    static final RuleSpec S_10 = spec("S-10", E, BOTH, Part.DOCUMENT, "Format edition consistent with report year",
            "Y ≥ 2021 ⇒ 2021 edition; Y ∈ {2019, 2020} ⇒ 2019 edition", "{0}年度报告使用了{1}版格式",
            "A {0} report uses the {1} format", "Reads Identity.edition (the parser's marker detection) and the year.");
    static final RuleSpec S_11 = spec("S-11", E, BOTH, Part.DOCUMENT, "Single format edition inside one report",
            "no mix of 2021 and 2019 table markers (§2.4) in parts 二 and 三", "同一报告混用新旧格式：{0}",
            "The report mixes both formats: {0}", "Own marker lookup in parts 二 and 三, and Identity.edition = mixed.");
    static final RuleSpec S_14 = spec("S-14", W, BOTH, Part.T3, "勾稽 note present in T3 header",
            "text contains 第一项加第二项之和，等于第三项加第四项之和", "表三表头缺少勾稽关系说明",
            "The T3 header lacks the note on its identity");

    private static final String[] NEW_MARKERS = {"本年制发件数", "现行有效件数", "本年收费金额", "逾期不补正"};
    private static final String[] OLD_MARKERS = {"本年新制作数量", "对外公开总数量", "上一年项目数量", "政府集中采购",
            "第二十条第（九）项"};

    private TableStructureRules() {
    }

    /** S-05…S-11 and S-14 in catalogue order. */
    public static List<RegisteredRule> rules() {
        return List.of(
                new RegisteredRule(S_05, TableStructureRules::tablesPresent),
                new RegisteredRule(S_06, TableStructureRules::t3Rows),
                new RegisteredRule(S_07, TableStructureRules::t3Columns),
                new RegisteredRule(S_08, TableStructureRules::t4Cells),
                new RegisteredRule(S_09, TableStructureRules::t2Labels),
                new RegisteredRule(S_10, TableStructureRules::editionMatchesYear),
                new RegisteredRule(S_11, TableStructureRules::singleEdition),
                new RegisteredRule(S_14, TableStructureRules::identityNote));
    }

    private static void tablesPresent(RuleInput in, FindingSink sink) {
        String[] names = {"表二", "表三", "表四"};
        for (int i = 2; i <= 4; i++) {
            Section part = in.text().section(i);
            if (part == null || in.tables().hasTable("t" + i) || !RowsWithBlanks.of(in, "t" + i).isEmpty()) {
                continue;
            }
            if (in.coverage().table("t" + i) == ReadingStatus.ABSENT) {
                sink.finding("一二三四".charAt(i - 1), names[i - 2]).section(i).evidence(part.heading())
                        .absenceChecked().raise();
            } else {
                String reason = names[i - 2] + "在文中有迹象（标签、数字、图片标记）"
                        + (in.coverage().fileComplete() ? "" : "或文件不完整") + "但未能读出，不视为缺表";
                sink.review(reason);
                sink.notAssessable(reason);
            }
        }
    }

    private static void t3Rows(RuleInput in, FindingSink sink) {
        if (!in.tables().hasTable("t3")) {
            sink.notAssessable();
            return;
        }
        Coverage coverage = in.coverage();
        boolean single = in.tables().hasT3Row("other_handling");
        boolean split = in.tables().hasT3Row("other_no_correction") || in.tables().hasT3Row("other_fee_unpaid")
                || in.tables().hasT3Row("other_other");
        List<String> missing = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        for (RowDef row : TemplateRegistry.t3Rows(in.edition())) {
            boolean subRow = row.key().startsWith("other_") && !row.key().equals("other_handling");
            if (subRow && single && !split || row.key().equals("other_handling") && split && !single) {
                continue;
            }
            if (in.tables().hasT3Row(row.key()) || RowsWithBlanks.printedWithBlanks(in, "t3." + row.key())) {
                continue;
            }
            if (coverage.t3Row(row.key()) == ReadingStatus.ABSENT) {
                missing.add(row.key());
            } else {
                unread.add(row.label());
            }
        }
        if (!unread.isEmpty()) {
            String reason = "表三有" + unread.size() + "行在文中有迹象但未能读出：" + String.join("；", unread);
            sink.review(reason);
            if (missing.isEmpty()) {
                sink.notAssessable(reason);
            }
        }
        if (in.edition() == Edition.E2021 && single && !split) {
            sink.finding("（六）其他处理只有一行，2021年版格式应分为三个子项",
                    "三(六) 其他处理 is printed as one row; the 2021 format has three sub-rows")
                    .severity(Severity.WARNING).cells(TemplateRegistry.t3("other_handling", "total"))
                    .evidence(in.tables().source(TemplateRegistry.t3("other_handling", "total"))).raise();
        } else if (in.edition() == Edition.E2019 && split && !single) {
            sink.finding("（六）其他处理分为三个子项，2019年版格式为一行",
                    "三(六) 其他处理 has the 2021 sub-rows; the 2019 format has one row")
                    .severity(Severity.WARNING).raise();
        }
        if (!missing.isEmpty()) {
            List<String> labels = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            for (String row : missing) {
                labels.add(TemplateRegistry.cell(TableView.t3Key(row, 6)).map(d -> d.row().label()).orElse(row));
                keys.add(TableView.t3Key(row, 6));
            }
            sink.finding("缺少" + missing.size() + "行：" + String.join("；", labels),
                    missing.size() + " rows missing: " + String.join(", ", missing)).cells(keys).absenceChecked()
                    .raise();
        }
    }

    private static void t3Columns(RuleInput in, FindingSink sink) {
        if (!in.tables().hasTable("t3")) {
            sink.notAssessable();
            return;
        }
        for (ColumnDef column : TemplateRegistry.t3Columns()) {
            boolean any = false;
            int index = TemplateRegistry.t3Columns().indexOf(column);
            for (RowDef row : TemplateRegistry.t3RowsAllEditions()) {
                if (in.tables().cells().get(TableView.t3Key(row.key(), index)) != null) {
                    any = true;
                    break;
                }
            }
            if (any) {
                continue;
            }
            if (in.coverage().labelTrace(3, column.label())) {
                String reason = "表三“" + column.label() + "”列在文中有迹象但未读出任何数据";
                sink.review(reason);
                sink.notAssessable(reason);
            } else {
                sink.finding(column.label(), column.key()).absenceChecked().raise();
            }
        }
    }

    private static void t4Cells(RuleInput in, FindingSink sink) {
        if (!in.tables().hasTable("t4")) {
            sink.notAssessable();
            return;
        }
        int count = 0;
        List<String> missing = new ArrayList<>();
        boolean traced = false;
        for (ColumnDef column : TemplateRegistry.t4Columns()) {
            String key = TemplateRegistry.t4(column.key());
            if (in.tables().cells().get(key) != null) {
                count++;
            } else {
                missing.add(key);
                String group = column.group() == null ? column.label() : column.group();
                traced |= in.coverage().labelTrace(4, group.substring(group.lastIndexOf('·') + 1));
            }
        }
        if (count == 15) {
            return;
        }
        if (traced) {
            String reason = "表四有" + missing.size() + "个单元格在文中有迹象但未读出";
            sink.review(reason);
            sink.notAssessable(reason);
        } else {
            sink.finding(count).cells(missing).expected(BigDecimal.valueOf(15)).actual(BigDecimal.valueOf(count))
                    .absenceChecked().raise();
        }
    }

    private static void t2Labels(RuleInput in, FindingSink sink) {
        Section part2 = in.text().section(2);
        if (part2 == null || !in.tables().hasTable("t2")) {
            sink.notAssessable();
            return;
        }
        String text = in.text().compactSection(2);
        List<String> problems = new ArrayList<>();
        for (SubTableDef sub : TemplateRegistry.t2(in.edition())) {
            for (ColumnDef column : sub.columns()) {
                String label = column.label().replaceAll("（.*$", "");
                if (!text.contains(label) && !problems.contains(label)) {
                    problems.add("缺少“" + label + "”");
                }
            }
        }
        if (in.edition() == Edition.E2021 && text.contains("规范性文件") && !text.contains("行政规范性文件")) {
            problems.add("行政规范性文件写作“规范性文件”");
        }
        if (in.report().parseWarnings() != null) {
            for (ParseWarning w : in.report().parseWarnings()) {
                if (w.subject() != null && w.subject().startsWith("t2")
                        && ("EXTRA_ROW".equals(w.code()) || "LABEL_VARIANT".equals(w.code()))) {
                    problems.add(w.message());
                }
            }
        }
        if (!problems.isEmpty()) {
            String edition = in.edition() == Edition.E2021 ? "2021" : "2019";
            sink.finding(edition, String.join("；", problems)).evidence(part2.heading()).raise();
        }
    }

    private static void editionMatchesYear(RuleInput in, FindingSink sink) {
        Integer year = in.year();
        Edition printed = in.report().identity() == null ? null : in.report().identity().edition();
        if (year == null || printed == null || printed == Edition.UNKNOWN || printed == Edition.MIXED) {
            sink.notAssessable();
            return;
        }
        if (year >= 2021 && printed == Edition.E2019 || year <= 2020 && printed == Edition.E2021) {
            sink.finding(year, printed.code()).raise();
        }
    }

    private static void singleEdition(RuleInput in, FindingSink sink) {
        String text = in.text().compactSection(2) + in.text().compactSection(3);
        List<String> found = new ArrayList<>();
        List<String> newer = new ArrayList<>();
        for (String m : NEW_MARKERS) {
            if (text.contains(m)) {
                newer.add(m);
            }
        }
        List<String> older = new ArrayList<>();
        for (String m : OLD_MARKERS) {
            if (text.contains(m)) {
                older.add(m);
            }
        }
        boolean mixed = in.report().identity() != null && in.report().identity().edition() == Edition.MIXED;
        if (!newer.isEmpty() && !older.isEmpty()) {
            found.add("2021版“" + String.join("、", newer) + "”与2019版“" + String.join("、", older) + "”");
        } else if (mixed) {
            found.add("解析器检测到两种格式的标记");
        }
        if (!found.isEmpty()) {
            sink.finding(found.get(0)).raise();
        }
    }

    private static boolean hasIdentityNote(String text) {
        return text.contains("第一项加第二项之和") && text.contains("等于第三项加第四项之和");
    }

    private static void identityNote(RuleInput in, FindingSink sink) {
        if (!in.tables().hasTable("t3")) {
            sink.notAssessable();
            return;
        }
        if (!hasIdentityNote(in.text().compactSection(3)) && !hasIdentityNote(in.text().compactText())) {
            sink.finding().raise();
        }
    }
}
