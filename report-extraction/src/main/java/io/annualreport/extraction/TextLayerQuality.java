package io.annualreport.extraction;

import java.util.List;

/**
 * Decides per PDF page whether its text layer can be trusted or the page needs OCR: empty layers on pages that draw
 * glyphs or images, replacement characters, private-use code points and control characters (glyph ids leaking as
 * text), or Latin-1 mojibake in place of Chinese.
 */
final class TextLayerQuality {

    /** Pages with fewer readable characters than this count as having no text layer. */
    static final int MIN_CHARACTERS = 10;
    /** More junk than this share of the non-space characters makes a layer garbled. */
    static final double MAX_JUNK_RATIO = 0.2;

    private TextLayerQuality() {
    }

    /** Why a page needs OCR, or null when its text layer is usable. */
    static String needsOcr(List<Glyph> glyphs, int glyphsDrawn, boolean hasImages) {
        int total = 0;
        int junk = 0;
        for (Glyph g : glyphs) {
            String text = g.text();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    continue;
                }
                total++;
                if (isJunk(c)) {
                    junk++;
                }
            }
        }
        if (total < MIN_CHARACTERS) {
            if (hasImages) {
                return "no text layer on a page with images";
            }
            if (glyphsDrawn >= MIN_CHARACTERS) {
                return "glyphs drawn without Unicode mapping";
            }
            return null;
        }
        if (junk > MAX_JUNK_RATIO * total) {
            return String.format(java.util.Locale.ROOT, "garbled text layer (%d of %d characters unreadable)", junk,
                    total);
        }
        if (glyphsDrawn > 3 * total + MIN_CHARACTERS && hasImages) {
            return "most glyphs have no Unicode mapping";
        }
        return null;
    }

    static boolean isJunk(char c) {
        if (c == '\ufffd' || Character.isISOControl(c)) {
            return true;
        }
        if (c >= '\ue000' && c <= '\uf8ff') {
            return true; // private use area: glyph ids in place of characters
        }
        // Latin-1 letters in a Chinese report are almost always a font's raw codes read as WinAnsi.
        return c >= '\u00c0' && c <= '\u00ff' && c != '\u00d7' && c != '\u00f7';
    }
}
