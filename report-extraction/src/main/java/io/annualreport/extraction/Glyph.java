package io.annualreport.extraction;

/**
 * A positioned piece of text on a page (a PDF glyph or an OCR word), in points from the top-left corner.
 *
 * @param baseline the y of the text's baseline
 * @param size the font size or word height, used to scale the gap thresholds
 */
public record Glyph(float x, float endX, float baseline, float size, String text) {
}
