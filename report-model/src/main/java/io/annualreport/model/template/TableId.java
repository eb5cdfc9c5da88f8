package io.annualreport.model.template;

/** The three statistical tables of the national format. */
public enum TableId {
    /** 二、主动公开政府信息情况. */
    T2,
    /** 三、收到和处理政府信息公开申请情况. */
    T3,
    /** 四、政府信息公开行政复议、行政诉讼情况. */
    T4;

    /** The key prefix of the table's cells, e.g. {@code t3}. */
    public String prefix() {
        return name().toLowerCase();
    }

    /** The Chinese name of the table, e.g. 表三. */
    public String label() {
        return switch (this) {
            case T2 -> "表二";
            case T3 -> "表三";
            case T4 -> "表四";
        };
    }
}
