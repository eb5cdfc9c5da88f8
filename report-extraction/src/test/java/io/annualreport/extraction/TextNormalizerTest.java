package io.annualreport.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void shouldTurnFullWidthDigitsLettersAndBracketsIntoHalfWidth() {
        // When
        String normalized = TextNormalizer.normalize("（二）部分公开　共１２３件，ＡＢＣ：ｘ");

        // Then
        assertThat(normalized).isEqualTo("(二)部分公开 共123件,ABC:x");
    }

    @Test
    void shouldCollapseSpacesAndTabsAndTrimLines() {
        // When
        String normalized = TextNormalizer.normalize("  一、总体情况 \t\u00a0 \r\n二、主动公开\t 政府信息公开情况  ");

        // Then
        assertThat(normalized).isEqualTo("一、总体情况\n二、主动公开 政府信息公开情况");
    }

    @Test
    void shouldJoinALineBreakInsideAChineseWord() {
        // When
        String normalized = TextNormalizer.normalize("本机关全年共收到政府信息公开申\n请95件，办理完毕。");

        // Then
        assertThat(normalized).isEqualTo("本机关全年共收到政府信息公开申请95件,办理完毕。");
    }

    @Test
    void shouldKeepTheLineBreakAfterAHeadingAndBeforeANumberedItem() {
        // When
        String normalized = TextNormalizer.normalize("一、总体情况\n本年度我局\n（一）主动公开\n2.重复申请");

        // Then
        assertThat(normalized).isEqualTo("一、总体情况\n本年度我局\n(一)主动公开\n2.重复申请");
    }

    @Test
    void shouldMapTraditionalCharactersToSimplifiedForMatching() {
        // When
        String normalized = TextNormalizer.normalize("政府信息公開工作年度報告：收到和處理政府信息公開申請情況，行政複議、行政訴訟");

        // Then
        assertThat(normalized).isEqualTo("政府信息公开工作年度报告:收到和处理政府信息公开申请情况,行政复议、行政诉讼");
    }

    @Test
    void shouldRemoveAllWhitespaceInTheCompactForm() {
        // When
        String compact = TextNormalizer.compact("（二） 部分公开（区分处理的，只计这\n一情形，不计其他情形）");

        // Then
        assertThat(compact).isEqualTo("(二)部分公开(区分处理的,只计这一情形,不计其他情形)");
    }

    @Test
    void shouldLeaveTheOriginalTextUntouched() {
        // Given
        String original = "（一）予以公开　１";

        // When
        TextNormalizer.normalize(original);

        // Then
        assertThat(original).isEqualTo("（一）予以公开　１");
    }
}
