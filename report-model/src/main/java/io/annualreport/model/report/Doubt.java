package io.annualreport.model.report;

/** Why a read cell is {@link Certainty#DOUBTFUL}. */
public enum Doubt {
    /** OCR read the cell's characters with a confidence below the threshold. */
    OCR_LOW_CONFIDENCE,
    /** The cell's column was inferred from the count of numbers, not from the table's structure or positions. */
    COLUMN_INFERRED,
    /** The value was repaired by the reader (an extra zero dropped, a split number joined, a look-alike replaced). */
    VALUE_REPAIRED,
    /** The cell comes from a part of the file the extractor reports as damaged. */
    DAMAGED_FILE,
    /**
     * The cell's row was identified by its position between two recognised rows, its printed label not being legible.
     */
    ROW_INFERRED;

    /** The Chinese label shown to reviewers. */
    public String label() {
        return switch (this) {
            case OCR_LOW_CONFIDENCE -> "文字识别置信度低";
            case COLUMN_INFERRED -> "所在列为推断";
            case VALUE_REPAIRED -> "数值经过修复";
            case DAMAGED_FILE -> "来自文件损坏部分";
            case ROW_INFERRED -> "所属行为推断（行标签无法辨认）";
        };
    }
}
