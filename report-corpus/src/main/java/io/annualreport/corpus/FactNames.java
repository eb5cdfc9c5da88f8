package io.annualreport.corpus;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.annualreport.model.report.Cell;

/** The canonical names of the narrative facts the generator states, and the table value each must equal. */
public final class FactNames {

    /** "收到政府信息公开申请 N 件": T3 一 总计. */
    public static final String APPLICATIONS_RECEIVED = "applications_received";
    /** "上年结转 N 件": T3 二 总计. */
    public static final String APPLICATIONS_CARRIED_OVER = "applications_carried_over";
    /** "办结 N 件": T3 三(七) 总计. */
    public static final String APPLICATIONS_HANDLED = "applications_handled";
    /** "结转下年度继续办理 N 件": T3 四 总计. */
    public static final String APPLICATIONS_CARRIED_FORWARD = "applications_carried_forward";
    /** "予以公开 N 件". */
    public static final String DISCLOSED = "disclosed";
    /** "部分公开 N 件". */
    public static final String PARTIALLY_DISCLOSED = "partially_disclosed";
    /** "不予公开 N 件": the sum of the （三） rows. */
    public static final String WITHHELD = "withheld";
    /** "无法提供 N 件": the sum of the （四） rows. */
    public static final String UNAVAILABLE = "unavailable";
    /** "不予处理 N 件": the sum of the （五） rows. */
    public static final String NOT_PROCESSED = "not_processed";
    /** "其他处理 N 件": the sum of the （六） rows. */
    public static final String OTHER_HANDLING = "other_handling";
    /** "行政复议 N 件": T4 行政复议 总计. */
    public static final String ADMINISTRATIVE_REVIEWS = "administrative_reviews";
    /** "行政诉讼 N 件": the two T4 litigation totals together. */
    public static final String ADMINISTRATIVE_LITIGATIONS = "administrative_litigations";
    /** "共主动公开政府信息 N 条，其中…": an enumeration whose parts sum to the total. */
    public static final String PROACTIVE_DISCLOSURES = "proactive_disclosures";
    /** "发出收费通知 N 件" in part 六. */
    public static final String FEE_NOTICES = "fee_notices";
    /** "总金额 N 元" of the fee notices in part 六. */
    public static final String FEE_NOTICES_AMOUNT_YUAN = "fee_notices_amount_yuan";
    /** "实际收取信息处理费 N 元" in part 六. */
    public static final String FEES_COLLECTED_YUAN = "fees_collected_yuan";

    /** The six outcome facts in printed order. */
    public static final List<String> OUTCOMES = List.of(DISCLOSED, PARTIALLY_DISCLOSED, WITHHELD, UNAVAILABLE,
            NOT_PROCESSED, OTHER_HANDLING);

    private FactNames() {
    }

    /**
     * The table value a fact must equal, blank and "/" cells counted as zero; empty for facts not tied to a table
     * (enumerations, fees).
     */
    public static Optional<BigDecimal> tableValue(String name, Map<String, Cell> cells) {
        return switch (name) {
            case APPLICATIONS_RECEIVED -> Optional.of(t3Total(cells, "new_received"));
            case APPLICATIONS_CARRIED_OVER -> Optional.of(t3Total(cells, "carried_over"));
            case APPLICATIONS_HANDLED -> Optional.of(t3Total(cells, "total_handled"));
            case APPLICATIONS_CARRIED_FORWARD -> Optional.of(t3Total(cells, "carried_forward"));
            case DISCLOSED -> Optional.of(t3Total(cells, "disclosed"));
            case PARTIALLY_DISCLOSED -> Optional.of(t3Total(cells, "partially_disclosed"));
            case WITHHELD -> Optional.of(t3GroupTotal(cells, "withheld_"));
            case UNAVAILABLE -> Optional.of(t3GroupTotal(cells, "unavailable_"));
            case NOT_PROCESSED -> Optional.of(t3GroupTotal(cells, "not_processed_"));
            case OTHER_HANDLING -> Optional.of(t3GroupTotal(cells, "other_"));
            case ADMINISTRATIVE_REVIEWS -> Optional.of(value(cells, CellKeys.t4("review_total")));
            case ADMINISTRATIVE_LITIGATIONS -> Optional.of(value(cells, CellKeys.t4("litigation_direct_total"))
                    .add(value(cells, CellKeys.t4("litigation_after_review_total"))));
            default -> Optional.empty();
        };
    }

    /** A cell's value, zero when absent, blank or "/". */
    static BigDecimal value(Map<String, Cell> cells, String key) {
        Cell cell = cells.get(key);
        return cell == null || cell.value() == null ? BigDecimal.ZERO : cell.value();
    }

    private static BigDecimal t3Total(Map<String, Cell> cells, String row) {
        return value(cells, CellKeys.t3Total(row));
    }

    private static BigDecimal t3GroupTotal(Map<String, Cell> cells, String rowPrefix) {
        String prefix = "t3." + rowPrefix;
        return cells.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix) && e.getKey().endsWith(".total"))
                .map(e -> e.getValue().value() == null ? BigDecimal.ZERO : e.getValue().value())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
