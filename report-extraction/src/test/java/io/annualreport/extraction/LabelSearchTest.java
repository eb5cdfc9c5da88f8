package io.annualreport.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.annualreport.model.text.TextFolding;

class LabelSearchTest {

    private static final String LABEL = TextFolding.compact("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请");

    @Test
    void shouldFindALongLabelWithOneMisreadCharacterWithinTheOcrTolerance() {
        // Given
        String text = "表格" + LABEL.replace('逾', '谕') + "0000000";

        // When
        boolean found = LabelSearch.contains(text, LABEL, LabelSearch.Tolerance.OCR.edits(LABEL));

        // Then
        assertThat(LabelSearch.Tolerance.OCR.edits(LABEL)).isEqualTo(4);
        assertThat(found).isTrue();
    }

    @Test
    void shouldNotFindALabelWhenOnlyItsKeywordsAreThere() {
        // Given
        String text = "申请人逾期不补正的，行政机关不再处理。政府信息公开申请";

        // When
        boolean found = LabelSearch.contains(text, LABEL, LabelSearch.Tolerance.OCR.edits(LABEL));

        // Then
        assertThat(found).isFalse();
    }

    @Test
    void shouldAllowAShortLabelOneEditButNotTwo() {
        // Given
        String label = TextFolding.compact("2.重复申请");

        // When
        boolean twoEdits = LabelSearch.contains("2重复里请", label, LabelSearch.Tolerance.OCR.edits(label));
        boolean oneEdit = LabelSearch.contains("xx2重复申请0", label, LabelSearch.Tolerance.OCR.edits(label));

        // Then
        assertThat(twoEdits).isFalse();
        assertThat(oneEdit).isTrue();
    }
}
