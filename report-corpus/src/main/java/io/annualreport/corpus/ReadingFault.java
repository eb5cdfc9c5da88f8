package io.annualreport.corpus;

/**
 * A reading failure injected into the rendered text of a correct report, as converters, OCR and damaged files
 * produce them: the document is right, only what the reader gets is wrong. None of them may become an ERROR.
 */
public enum ReadingFault {
    /** One T3 row's label garbled beyond recognition (every character replaced), its numbers intact. */
    T3_LABEL_GARBLED(3),
    /** One T3 row printed with its label but without its numbers (blank cells, or lost by a converter). */
    ROW_NUMBERS_DROPPED(3),
    /** One T3 row lost a cell border: its first value is gone and the others moved one column left. */
    COLUMN_SHIFTED(3),
    /** OCR confusions (己/已, 未/末, 申/甲…) in the labels of T3. */
    OCR_CONFUSED_LABELS(3),
    /** The six part headings in a regional variant: other names, an extra regional part, other numbers. */
    REGIONAL_HEADINGS(0),
    /** The file cut in the middle of a line somewhere after T3 and before part 六. */
    TRUNCATED(0),
    /** T4 present only as an image: its rows are gone, an image marker is left. */
    TABLE_AS_IMAGE(4);

    private final int part;

    ReadingFault(int part) {
        this.part = part;
    }

    /** The part (1–6) the fault damages, or 0 when it concerns the document as a whole. */
    public int part() {
        return part;
    }
}
