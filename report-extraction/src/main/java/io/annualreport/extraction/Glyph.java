package io.annualreport.extraction;

/**
 * A positioned piece of text on a page (a PDF glyph or an OCR word), in points from the top-left corner.
 *
 * @param baseline the y of the text's baseline
 * @param size the font size or word height, used to scale the gap thresholds
 * @param confidence the OCR word confidence (0 to 100); null for a glyph of a PDF text layer
 */
public record Glyph(float x, float endX, float baseline, float size, String text, Float confidence) {

    /** A glyph of a text layer, read without doubt. */
    public Glyph(float x, float endX, float baseline, float size, String text) {
        this(x, endX, baseline, size, text, null);
    }

    /** The same glyph moved to another baseline with another size. */
    Glyph moved(float newBaseline, float newSize) {
        return new Glyph(x, endX, newBaseline, newSize, text, confidence);
    }
}
