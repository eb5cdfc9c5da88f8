package io.annualreport.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TextLayerQualityTest {

    private static List<Glyph> glyphs(String text) {
        List<Glyph> glyphs = new ArrayList<>();
        float x = 72;
        for (char c : text.toCharArray()) {
            glyphs.add(new Glyph(x, x + 10, 100, 10, String.valueOf(c)));
            x += 10;
        }
        return glyphs;
    }

    @Test
    void shouldTrustAReadableChineseTextLayer() {
        // When
        String reason = TextLayerQuality.needsOcr(glyphs("本年新收政府信息公开申请数量95件"), 17, false);

        // Then
        assertThat(reason).isNull();
    }

    @Test
    void shouldOcrAPageWithAnImageAndNoText() {
        // When
        String reason = TextLayerQuality.needsOcr(List.of(), 0, true);

        // Then
        assertThat(reason).contains("no text layer");
    }

    @Test
    void shouldNotOcrABlankPage() {
        // When
        String reason = TextLayerQuality.needsOcr(List.of(), 0, false);

        // Then
        assertThat(reason).isNull();
    }

    @Test
    void shouldOcrAPageWhoseGlyphsHaveNoUnicodeMapping() {
        // When
        String reason = TextLayerQuality.needsOcr(List.of(), 400, false);

        // Then
        assertThat(reason).contains("Unicode");
    }

    @Test
    void shouldOcrAGarbledTextLayer() {
        // Given
        String replacement = "\ufffd\ufffd\ufffd\ufffd\ufffd政府\ufffd\ufffd\ufffd\ufffd";
        String privateUse = "\ue001\ue002\ue003\ue004\ue005\ue006\ue007\ue008\ue009\ue00a\ue00b";
        String mojibake = "ÕþÖÎÐÅÏ¢¹«¿ª¹¤×÷Äê¶È±¨¸æ";

        // Then
        assertThat(TextLayerQuality.needsOcr(glyphs(replacement), 11, false)).contains("garbled");
        assertThat(TextLayerQuality.needsOcr(glyphs(privateUse), 11, false)).contains("garbled");
        assertThat(TextLayerQuality.needsOcr(glyphs(mojibake), 22, false)).contains("garbled");
    }
}
