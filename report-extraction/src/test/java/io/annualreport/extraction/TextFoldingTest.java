package io.annualreport.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.annualreport.model.text.TextFolding;

/**
 * The folding extraction's tests match labels with ({@link TextFolding}); whitespace tidying and joining of wrapped
 * lines are helpers of these tests only.
 */
class TextFoldingTest {

    private static final Pattern HEADING_START = Pattern.compile(
            "^\\s*(?:[一二三四五六七八九十]+、|\\([一二三四五六七八九十]+\\)|\\d+[.、]|第[一二三四五六七八九十]+)");
    private static final int HEADING_MAX_LENGTH = 20;

    @Test
    void shouldTurnFullWidthDigitsLettersAndBracketsIntoHalfWidth() {
        // When
        String normalized = TextFolding.normalize("（二）部分公开　共１２３件，ＡＢＣ：ｘ");

        // Then
        assertThat(normalized).isEqualTo("(二)部分公开 共123件,ABC:x");
    }

    @Test
    void shouldCollapseSpacesAndTabsAndTrimLines() {
        // When
        String normalized = tidy("  一、总体情况 \t\u00a0 \r\n二、主动公开\t 政府信息公开情况  ");

        // Then
        assertThat(normalized).isEqualTo("一、总体情况\n二、主动公开 政府信息公开情况");
    }

    @Test
    void shouldJoinALineBreakInsideAChineseWord() {
        // When
        String normalized = tidy("本机关全年共收到政府信息公开申\n请95件，办理完毕。");

        // Then
        assertThat(normalized).isEqualTo("本机关全年共收到政府信息公开申请95件,办理完毕。");
    }

    @Test
    void shouldKeepTheLineBreakAfterAHeadingAndBeforeANumberedItem() {
        // When
        String normalized = tidy("一、总体情况\n本年度我局\n（一）主动公开\n2.重复申请");

        // Then
        assertThat(normalized).isEqualTo("一、总体情况\n本年度我局\n(一)主动公开\n2.重复申请");
    }

    @Test
    void shouldMapTraditionalCharactersToSimplifiedForMatching() {
        // When
        String normalized = TextFolding.normalize("政府信息公開工作年度報告：收到和處理政府信息公開申請情況，行政複議、行政訴訟");

        // Then
        assertThat(normalized).isEqualTo("政府信息公开工作年度报告:收到和处理政府信息公开申请情况,行政复议、行政诉讼");
    }

    @Test
    void shouldRemoveAllWhitespaceInTheCompactForm() {
        // When
        String compact = TextFolding.compact("（二） 部分公开（区分处理的，只计这\n一情形，不计其他情形）");

        // Then
        assertThat(compact).isEqualTo("(二)部分公开(区分处理的,只计这一情形,不计其他情形)");
    }

    @Test
    void shouldLeaveTheOriginalTextUntouched() {
        // Given
        String original = "（一）予以公开　１";

        // When
        TextFolding.normalize(original);

        // Then
        assertThat(original).isEqualTo("（一）予以公开　１");
    }

    /** Folded text with runs of spaces collapsed, lines trimmed and a line break inside a Chinese word removed. */
    private static String tidy(String text) {
        return joinWrappedLines(collapseWhitespace(TextFolding.normalize(text)));
    }

    private static String collapseWhitespace(String text) {
        String unified = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(unified.length());
        for (String line : unified.split("\n", -1)) {
            out.append(line.replaceAll("[\\s&&[^\\n]]+", " ").strip()).append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    private static String joinWrappedLines(String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            out.append(line);
            if (i == lines.length - 1) {
                break;
            }
            String next = lines[i + 1];
            boolean wrapped = !line.isEmpty() && !next.isEmpty() && isHan(line.charAt(line.length() - 1))
                    && isHan(next.charAt(0)) && !isHeading(line) && !HEADING_START.matcher(next).find();
            if (!wrapped) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static boolean isHeading(String line) {
        return line.length() <= HEADING_MAX_LENGTH && HEADING_START.matcher(line).find();
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
