package io.annualreport.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.annualreport.model.document.TextLine;
import io.annualreport.model.document.TextLine.TextRun;

class RowAssemblerTest {

    private static List<Glyph> word(String text, float x, float baseline) {
        List<Glyph> glyphs = new ArrayList<>();
        for (char c : text.toCharArray()) {
            float width = Character.isDigit(c) ? 5.5f : 10.5f;
            glyphs.add(new Glyph(x, x + width, baseline, 10.5f, String.valueOf(c)));
            x += width;
        }
        return glyphs;
    }

    @Test
    void shouldSplitATableRowIntoRunsAtColumnGapsAndKeepTheirPositions() {
        // Given
        List<Glyph> glyphs = new ArrayList<>();
        glyphs.addAll(word("2.重复申请", 100, 300));
        glyphs.addAll(word("25", 320, 300.4f));
        glyphs.addAll(word("0", 380, 299.8f));

        // When
        List<TextLine> lines = RowAssembler.assemble(4, glyphs);

        // Then
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).page()).isEqualTo(4);
        assertThat(lines.get(0).text()).isEqualTo("2.重复申请\t25\t0");
        assertThat(lines.get(0).runs()).extracting(TextRun::x).containsExactly(100f, 320f, 380f);
    }

    @Test
    void shouldPutRowsInTopToBottomOrderWithoutSpacesBetweenChineseCharacters() {
        // Given
        List<Glyph> glyphs = new ArrayList<>();
        glyphs.addAll(word("计其他情形）", 100, 330));
        glyphs.addAll(word("（二）部分公开", 100, 300));
        glyphs.addAll(word("9", 320, 315));

        // When
        List<TextLine> lines = RowAssembler.assemble(1, glyphs);

        // Then
        assertThat(lines).extracting(TextLine::text).containsExactly("（二）部分公开", "9", "计其他情形）");
    }

    @Test
    void shouldKeepAStrayGlyphOfAVerticalLabelFromSplittingARow() {
        // Given
        List<Glyph> glyphs = new ArrayList<>();
        glyphs.addAll(word("果", 60, 296));
        glyphs.addAll(word("6.属于四类过程性信息", 100, 299));
        glyphs.addAll(word("12", 320, 301.5f));

        // When
        List<TextLine> lines = RowAssembler.assemble(1, glyphs);

        // Then
        assertThat(lines).extracting(TextLine::text).containsExactly("果\t6.属于四类过程性信息\t12");
    }
}
