package io.annualreport.corpus;

/** One kind of real-world imperfection the generator can inject into a report. */
public enum NoiseKind {
    /** The （二）部分公开（区分处理的…） label broken over two lines, the numbers on the second line. */
    WRAPPED_LABEL,
    /** Spaces inside a few table labels, e.g. "本年新收政府信息 公开申请数量". */
    LABEL_SPACING,
    /** Half-width brackets in table labels, e.g. "(一) 予以公开" instead of "（一）予以公开". */
    HALF_WIDTH_BRACKETS,
    /** Full-width digits in label ordinals and in the numbers of one T3 row, e.g. "１．属于国家秘密", "１２". */
    FULL_WIDTH_DIGITS,
    /** OCR-like character swaps in table labels only, never in numbers, e.g. 公开→公幵, 申请→申谙. */
    OCR_SWAP,
    /** A few zero cells printed blank; the truth marks them EMPTY with a null value. */
    BLANK_CELLS,
    /** A few zero cells printed "/"; the truth marks them NOT_APPLICABLE with a null value. */
    NOT_APPLICABLE_CELLS,
    /** One table row carries one zero too many (text formats only); the truth keeps the real values. */
    EXTRA_TRAILING_ZERO,
    /** Part headings numbered "1、总体情况" instead of "一、总体情况". */
    ARABIC_HEADINGS,
    /** Rows of the T3 （六） group and （七）总计 printed without their leading empty cells (text only), as in seeds. */
    SHIFTED_ROWS,
    /** A meaningless header row before each pipe table (Markdown only), as HTML-to-Markdown converters produce. */
    JUNK_HEADER_ROW,
    /** Spaces around the year in the title, e.g. "老城区行政审批和政务信息管理局 2024 年政府信息公开工作年度报告". */
    TITLE_SPACING,
    /** The heading 一、总体情况 printed twice (text formats only), as PDF extraction sometimes does. */
    DUPLICATED_HEADING,
    /**
     * No title line at all (in HTML no {@code <h1>}, the page {@code <title>} stays): agency and year must come from
     * the body.
     */
    MISSING_TITLE,
    /** The T4 outcome headers printed one character per line (text only), as OCR reads narrow cells (seed 002). */
    VERTICAL_HEADER,
    /**
     * Every zero of the tables printed blank, as many 2019–2020 reports do: whole rows blank (e.g. every cell of
     * "3.危及“三安全一稳定”"), total rows with gaps ("（七）总计 | 412 | 9 |  |  | 3 |  | 424"); the truth marks them EMPTY.
     */
    BLANK_ZEROS,
    /** A token printed before the title: "正文", "附件1" or a saved page's "标题：". */
    JUNK_BEFORE_TITLE,
    /**
     * The agency abbreviated in the title ("区发改委", "区科技局") and named in full only in the body ("本报告由…编制");
     * the truth keeps the printed form as the agency and the full name as agencyFull.
     */
    ABBREVIATED_AGENCY,
    /**
     * No title line; the first paragraph cites 《关于印发中华人民共和国政府信息公开工作年度报告格式的通知》 and names the report
     * ("现将…年政府信息公开工作年度报告公布如下"), wrapped into short lines in text as PDF extraction does.
     */
    CITED_NOTICE_FIRST,
    /**
     * Markdown as OCR and language-model tools write it: the header rows of T3 and T4 emitted as tables of their own
     * before the data (a "### 申请人情况" caption, the column labels as a header, a row of "-" under it), the data rows
     * under a header of generic names.
     */
    HEADER_TABLES,
    /** Markdown: a placeholder row of "-" under the header of T3 and T4. */
    PLACEHOLDER_ROWS,
    /**
     * Markdown: the header rows of T3 and T4 replaced by one row of generic names ("项目 | 数据1 | … | 数据7"), the group
     * and row labels of a T3 row joined in one cell.
     */
    GENERIC_COLUMNS,
    /**
     * Markdown: T3 split into several tables at random rows, each with its own header, and T4 as three small tables
     * (行政复议 / 未经复议直接起诉 / 复议后起诉), each with a caption and its own five-column header.
     */
    SPLIT_TABLES,
    /**
     * Markdown: the last T3 rows (（七）总计 and 四、结转下年度继续办理) placed in a table of their own whose header names T3
     * row labels as its columns, as tools do when they take a row of labels for a header.
     */
    FOREIGN_HEADER,
    /**
     * The Shanghai layout (city bureaus, 2019 onwards): the narrative numbered 一…六 under other names (总体情况, 工作机制保障,
     * 主动公开工作情况, 政府信息公开申请情况, 政府信息管理, 平台建设), then the three tables renumbered 一、二、三, then 四 主要问题
     * and 五 其他事项. The national six parts are all there, under other numbers and names.
     */
    REGIONAL_LAYOUT
}
