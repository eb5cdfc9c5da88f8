package io.annualreport.model.report;

/** Why a row or cell the format expects was not read. */
public enum UnreadReason {
    /** No line carries the row's label (nor a known variant of it). */
    NO_LABEL,
    /** The label was found but its numbers could not be placed in columns. */
    NUMBERS_NOT_PLACEABLE,
    /** Numbers were found but which column each belongs to cannot be told. */
    COLUMN_UNKNOWN,
    /** OCR could not read the row or cell with enough confidence. */
    OCR_LOW_CONFIDENCE,
    /** The table is cut by a page break the reader could not join. */
    CUT_BY_PAGE,
    /** The file ends before the table does. */
    TRUNCATED,
    /** The table is present only as an image that was not read. */
    IMAGE_ONLY;

    /** The Chinese label shown to reviewers. */
    public String label() {
        return switch (this) {
            case NO_LABEL -> "未找到行标签";
            case NUMBERS_NOT_PLACEABLE -> "找到标签，但数字无法对应到列";
            case COLUMN_UNKNOWN -> "无法确定所在列";
            case OCR_LOW_CONFIDENCE -> "文字识别置信度低";
            case CUT_BY_PAGE -> "表格被分页截断";
            case TRUNCATED -> "文件在表格结束前中断";
            case IMAGE_ONLY -> "表格只有图片，未能识别";
        };
    }
}
