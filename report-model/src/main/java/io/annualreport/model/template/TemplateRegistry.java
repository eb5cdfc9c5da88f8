package io.annualreport.model.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The national format as data: every table, row, column and canonical cell key of both editions, with the Chinese
 * labels and their real-world variants. Nothing else in the code spells out table labels.
 */
public final class TemplateRegistry {

    private static final Set<Edition> BOTH = Collections.unmodifiableSet(EnumSet.of(Edition.E2019, Edition.E2021));
    private static final Set<Edition> ONLY_2021 = Collections.unmodifiableSet(EnumSet.of(Edition.E2021));
    private static final Set<Edition> ONLY_2019 = Collections.unmodifiableSet(EnumSet.of(Edition.E2019));

    // ---------------------------------------------------------------- T3
    private static final String G_RESULTS = "三、本年度办理结果";
    private static final String G_WITHHELD = "（三）不予公开";
    private static final String G_UNAVAILABLE = "（四）无法提供";
    private static final String G_NOT_PROCESSED = "（五）不予处理";
    private static final String G_OTHER = "（六）其他处理";

    private static final List<RowDef> T3_ROWS = List.of(
            row("new_received", "一、本年新收政府信息公开申请数量", List.of("本年新收政府信息公开申请数量"),
                    List.of("本年新收", "新收"), List.of(), BOTH),
            row("carried_over", "二、上年结转政府信息公开申请数量", List.of("上年结转政府信息公开申请数量"),
                    List.of("上年结转"), List.of(), BOTH),
            row("disclosed", "（一）予以公开", List.of("(一)予以公开", "予以公开"), List.of("予以公开"), List.of(G_RESULTS),
                    BOTH),
            row("partially_disclosed", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
                    List.of("（二）部分公开", "部分公开"), List.of("部分公开"), List.of(G_RESULTS), BOTH),
            row("withheld_state_secret", "1.属于国家秘密", List.of(), List.of("国家秘密"), List.of(G_RESULTS, G_WITHHELD),
                    BOTH),
            row("withheld_prohibited_by_law", "2.其他法律行政法规禁止公开", List.of("2.其他法律法规禁止公开"),
                    List.of("禁止公开", "法规禁止"), List.of(G_RESULTS, G_WITHHELD), BOTH),
            row("withheld_security_stability", "3.危及“三安全一稳定”", List.of("3.危及\"三安全一稳定\""),
                    List.of("三安全一稳定", "危及"), List.of(G_RESULTS, G_WITHHELD), BOTH),
            row("withheld_third_party_rights", "4.保护第三方合法权益", List.of(), List.of("第三方合法权益", "第三方"),
                    List.of(G_RESULTS, G_WITHHELD), BOTH),
            row("withheld_internal_affairs", "5.属于三类内部事务信息", List.of(), List.of("内部事务"),
                    List.of(G_RESULTS, G_WITHHELD), BOTH),
            row("withheld_process_information", "6.属于四类过程性信息", List.of(), List.of("过程性信息", "过程性"),
                    List.of(G_RESULTS, G_WITHHELD), BOTH),
            row("withheld_enforcement_files", "7.属于行政执法案卷", List.of(), List.of("执法案卷"),
                    List.of(G_RESULTS, G_WITHHELD), BOTH),
            row("withheld_administrative_query", "8.属于行政查询事项", List.of(), List.of("行政查询"),
                    List.of(G_RESULTS, G_WITHHELD), BOTH),
            row("unavailable_not_held", "1.本机关不掌握相关政府信息", List.of(), List.of("不掌握"),
                    List.of(G_RESULTS, G_UNAVAILABLE), BOTH),
            row("unavailable_needs_creation", "2.没有现成信息需要另行制作", List.of(), List.of("另行制作", "没有现成"),
                    List.of(G_RESULTS, G_UNAVAILABLE), BOTH),
            row("unavailable_unclear", "3.补正后申请内容仍不明确", List.of(), List.of("仍不明确", "补正后"),
                    List.of(G_RESULTS, G_UNAVAILABLE), BOTH),
            row("not_processed_petition", "1.信访举报投诉类申请", List.of(), List.of("信访举报", "投诉类"),
                    List.of(G_RESULTS, G_NOT_PROCESSED), BOTH),
            row("not_processed_duplicate", "2.重复申请", List.of(), List.of("重复申请"),
                    List.of(G_RESULTS, G_NOT_PROCESSED), BOTH),
            row("not_processed_publication", "3.要求提供公开出版物", List.of(), List.of("公开出版物", "出版物"),
                    List.of(G_RESULTS, G_NOT_PROCESSED), BOTH),
            row("not_processed_mass_repeated", "4.无正当理由大量反复申请", List.of(), List.of("大量反复"),
                    List.of(G_RESULTS, G_NOT_PROCESSED), BOTH),
            row("not_processed_confirmation", "5.要求行政机关确认或重新出具已获取信息", List.of(),
                    List.of("重新出具", "确认或重新"), List.of(G_RESULTS, G_NOT_PROCESSED), BOTH),
            row("other_no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", List.of(),
                    List.of("逾期不补正", "不补正"), List.of(G_RESULTS, G_OTHER), ONLY_2021),
            row("other_fee_unpaid", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", List.of(),
                    List.of("收费通知", "缴纳费用"), List.of(G_RESULTS, G_OTHER), ONLY_2021),
            row("other_other", "3.其他", List.of(), List.of("其他"), List.of(G_RESULTS, G_OTHER), ONLY_2021),
            row("other_handling", "（六）其他处理", List.of("(六)其他处理", "其他处理"), List.of("其他处理"),
                    List.of(G_RESULTS), ONLY_2019),
            row("total_handled", "（七）总计", List.of("(七)总计", "总计"), List.of("总计"), List.of(G_RESULTS), BOTH),
            row("carried_forward", "四、结转下年度继续办理", List.of("结转下年度继续办理"), List.of("结转下年"), List.of(),
                    BOTH));

    private static final String G_LEGAL_PERSON = "法人或其他组织";
    private static final List<ColumnDef> T3_COLUMNS = List.of(
            new ColumnDef("natural_person", "自然人", List.of(), null),
            new ColumnDef("commercial_enterprise", "商业企业", List.of(), G_LEGAL_PERSON),
            new ColumnDef("research_institution", "科研机构", List.of(), G_LEGAL_PERSON),
            new ColumnDef("social_welfare_org", "社会公益组织", List.of(), G_LEGAL_PERSON),
            new ColumnDef("legal_service_org", "法律服务机构", List.of(), G_LEGAL_PERSON),
            new ColumnDef("other_org", "其他", List.of(), G_LEGAL_PERSON),
            new ColumnDef("total", "总计", List.of("合计"), null));

    /** The note printed in the top-left cell of T3, stating its key identity. */
    public static final String T3_IDENTITY_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

    // ---------------------------------------------------------------- T4
    private static final RowDef T4_ROW = row("all", "四、政府信息公开行政复议、行政诉讼情况", List.of(), List.of(),
            List.of(), BOTH);
    private static final List<ColumnDef> T4_COLUMNS;

    static {
        List<ColumnDef> cols = new ArrayList<>();
        String[][] groups = {
                {"review", "行政复议"},
                {"litigation_direct", "行政诉讼·未经复议直接起诉"},
                {"litigation_after_review", "行政诉讼·复议后起诉"}};
        String[][] outcomes = {
                {"upheld", "结果维持"},
                {"corrected", "结果纠正"},
                {"other", "其他结果"},
                {"pending", "尚未审结"},
                {"total", "总计"}};
        for (String[] g : groups) {
            for (String[] o : outcomes) {
                cols.add(new ColumnDef(g[0] + "_" + o[0], o[1], List.of(), g[1]));
            }
        }
        T4_COLUMNS = List.copyOf(cols);
    }

    // ---------------------------------------------------------------- T2
    private static final ColumnDef C_ISSUED = new ColumnDef("issued", "本年制发件数", List.of("本年发文件数"), null);
    private static final ColumnDef C_REPEALED = new ColumnDef("repealed", "本年废止件数", List.of(), null);
    private static final ColumnDef C_IN_FORCE = new ColumnDef("in_force", "现行有效件数", List.of(), null);
    private static final ColumnDef C_DECISIONS_2021 = new ColumnDef("decisions", "本年处理决定数量", List.of(), null);
    private static final ColumnDef C_FEE_AMOUNT = new ColumnDef("amount_10k_yuan", "本年收费金额（单位：万元）",
            List.of("本年收费金额（单位：万元，保留4位小数）", "本年收费金额"), null);

    private static final ColumnDef C_NEWLY_MADE = new ColumnDef("newly_made", "本年新制作数量", List.of(), null);
    private static final ColumnDef C_NEWLY_PUBLISHED = new ColumnDef("newly_published", "本年新公开数量", List.of(), null);
    private static final ColumnDef C_TOTAL_PUBLISHED = new ColumnDef("total_published", "对外公开总数量", List.of(), null);
    private static final ColumnDef C_PREVIOUS_ITEMS = new ColumnDef("previous_year_items", "上一年项目数量", List.of(),
            null);
    private static final ColumnDef C_CHANGE = new ColumnDef("change", "本年增/减", List.of("本年增／减"), null);
    private static final ColumnDef C_DECISIONS_2019 = new ColumnDef("decisions", "处理决定数量", List.of(), null);
    private static final ColumnDef C_PROCUREMENT_ITEMS = new ColumnDef("items", "采购项目数量", List.of(), null);
    private static final ColumnDef C_PROCUREMENT_AMOUNT = new ColumnDef("amount_10k_yuan", "采购总金额",
            List.of("采购总金额（单位：万元）", "采购总金额（单位：万元，保留4位小数）"), null);

    private static final List<SubTableDef> T2_2021 = List.of(
            new SubTableDef("第二十条第（一）项", List.of(
                    row("regulations", "规章", List.of(), List.of("规章"), List.of(), ONLY_2021),
                    row("normative_documents", "行政规范性文件", List.of("规范性文件"), List.of("规范性文件"), List.of(),
                            ONLY_2021)),
                    List.of(C_ISSUED, C_REPEALED, C_IN_FORCE)),
            new SubTableDef("第二十条第（五）项", List.of(
                    row("licensing", "行政许可", List.of(), List.of("行政许可"), List.of(), ONLY_2021)),
                    List.of(C_DECISIONS_2021)),
            new SubTableDef("第二十条第（六）项", List.of(
                    row("penalty", "行政处罚", List.of(), List.of("行政处罚"), List.of(), ONLY_2021),
                    row("coercion", "行政强制", List.of(), List.of("行政强制"), List.of(), ONLY_2021)),
                    List.of(C_DECISIONS_2021)),
            new SubTableDef("第二十条第（八）项", List.of(
                    row("fees", "行政事业性收费", List.of(), List.of("事业性收费", "收费"), List.of(), ONLY_2021)),
                    List.of(C_FEE_AMOUNT)));

    private static final List<SubTableDef> T2_2019 = List.of(
            new SubTableDef("第二十条第（一）项", List.of(
                    row("regulations", "规章", List.of(), List.of("规章"), List.of(), ONLY_2019),
                    row("normative_documents", "规范性文件", List.of("行政规范性文件"), List.of("规范性文件"), List.of(),
                            ONLY_2019)),
                    List.of(C_NEWLY_MADE, C_NEWLY_PUBLISHED, C_TOTAL_PUBLISHED)),
            new SubTableDef("第二十条第（五）项", List.of(
                    row("licensing", "行政许可", List.of(), List.of("行政许可"), List.of(), ONLY_2019),
                    row("other_services", "其他对外管理服务事项", List.of(), List.of("对外管理服务"), List.of(),
                            ONLY_2019)),
                    List.of(C_PREVIOUS_ITEMS, C_CHANGE, C_DECISIONS_2019)),
            new SubTableDef("第二十条第（六）项", List.of(
                    row("penalty", "行政处罚", List.of(), List.of("行政处罚"), List.of(), ONLY_2019),
                    row("coercion", "行政强制", List.of(), List.of("行政强制"), List.of(), ONLY_2019)),
                    List.of(C_PREVIOUS_ITEMS, C_CHANGE, C_DECISIONS_2019)),
            new SubTableDef("第二十条第（八）项", List.of(
                    row("fees", "行政事业性收费", List.of(), List.of("事业性收费", "收费"), List.of(), ONLY_2019)),
                    List.of(C_PREVIOUS_ITEMS, C_CHANGE)),
            new SubTableDef("第二十条第（九）项", List.of(
                    row("procurement", "政府集中采购", List.of(), List.of("集中采购"), List.of(), ONLY_2019)),
                    List.of(C_PROCUREMENT_ITEMS, C_PROCUREMENT_AMOUNT)));

    private static final Map<String, CellDef> ALL_CELLS;

    static {
        Map<String, CellDef> cells = new LinkedHashMap<>();
        for (Edition edition : List.of(Edition.E2021, Edition.E2019)) {
            for (SubTableDef sub : t2(edition)) {
                for (RowDef r : sub.rows()) {
                    for (ColumnDef c : sub.columns()) {
                        String key = CellDef.key(TableId.T2, r.key(), c.key());
                        CellDef existing = cells.get(key);
                        Set<Edition> editions = EnumSet.of(edition);
                        if (existing != null) {
                            editions.addAll(existing.editions());
                        }
                        cells.put(key, new CellDef(key, TableId.T2, r, c, Collections.unmodifiableSet(editions)));
                    }
                }
            }
        }
        for (RowDef r : T3_ROWS) {
            for (ColumnDef c : T3_COLUMNS) {
                String key = CellDef.key(TableId.T3, r.key(), c.key());
                cells.put(key, new CellDef(key, TableId.T3, r, c, r.editions()));
            }
        }
        for (ColumnDef c : T4_COLUMNS) {
            String key = CellDef.key(TableId.T4, T4_ROW.key(), c.key());
            cells.put(key, new CellDef(key, TableId.T4, T4_ROW, c, BOTH));
        }
        ALL_CELLS = Collections.unmodifiableMap(cells);
    }

    private TemplateRegistry() {
    }

    private static RowDef row(String key, String label, List<String> variants, List<String> keywords,
            List<String> groups, Set<Edition> editions) {
        return new RowDef(key, label, variants, keywords, groups, editions);
    }

    private static Edition concrete(Edition edition) {
        return edition == Edition.E2019 ? Edition.E2019 : Edition.E2021;
    }

    /** T3 rows of an edition in printed order: 25 for 2021, 23 for 2019 (mixed and unknown read as 2021). */
    public static List<RowDef> t3Rows(Edition edition) {
        Edition e = concrete(edition);
        return T3_ROWS.stream().filter(r -> r.in(e)).toList();
    }

    /** Every T3 row of both editions in printed order (the 2019 single-row 三(六) after the 2021 sub-rows). */
    public static List<RowDef> t3RowsAllEditions() {
        return T3_ROWS;
    }

    /** The seven T3 columns in printed order. */
    public static List<ColumnDef> t3Columns() {
        return T3_COLUMNS;
    }

    /** The single T4 row. */
    public static RowDef t4Row() {
        return T4_ROW;
    }

    /** The fifteen T4 columns in printed order. */
    public static List<ColumnDef> t4Columns() {
        return T4_COLUMNS;
    }

    /** The T2 sub-tables of an edition in printed order. */
    public static List<SubTableDef> t2(Edition edition) {
        return concrete(edition) == Edition.E2019 ? T2_2019 : T2_2021;
    }

    /** Every canonical cell of both editions, T2 then T3 then T4. */
    public static Map<String, CellDef> allCells() {
        return ALL_CELLS;
    }

    /** The cells a report of this edition prints, in printed order. */
    public static List<CellDef> cells(Edition edition) {
        Edition e = concrete(edition);
        return ALL_CELLS.values().stream().filter(c -> c.editions().contains(e)).toList();
    }

    /** The definition of a cell key, if it is one. */
    public static Optional<CellDef> cell(String key) {
        return Optional.ofNullable(ALL_CELLS.get(key));
    }

    /** The T3 cell key of a row and column. */
    public static String t3(String row, String column) {
        return CellDef.key(TableId.T3, row, column);
    }

    /** The T4 cell key of a column. */
    public static String t4(String column) {
        return CellDef.key(TableId.T4, T4_ROW.key(), column);
    }
}
