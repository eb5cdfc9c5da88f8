package io.annualreport.rules.engine;

/** What part of a report a rule concerns, for the catalogue and for routing findings. */
public enum Part {
    /** The document as a whole: sections, title, edition. */
    DOCUMENT(null),
    /** 一、总体情况. */
    OVERVIEW(1),
    /** 二、主动公开政府信息情况 and table T2. */
    T2(2),
    /** 三、收到和处理政府信息公开申请情况 and table T3. */
    T3(3),
    /** 四、政府信息公开行政复议、行政诉讼情况 and table T4. */
    T4(4),
    /** 五、存在的主要问题及改进情况. */
    PROBLEMS(5),
    /** 六、其他需要报告的事项. */
    OTHER(6),
    /** The same agency's report of the previous year, or other agencies' reports. */
    HISTORY(null);

    private final Integer section;

    Part(Integer section) {
        this.section = section;
    }

    /** The section number 1–6, or null when the part is not one section. */
    public Integer section() {
        return section;
    }
}
