package io.annualreport.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class NumberCellsTest {

    private static final Rectangle CELL = new Rectangle(100, 100, 200, 60);

    private static TsvWords.Word word(String text, float confidence) {
        return new TsvWords.Word(150, 110, 30, 40, confidence, text, "1/1/1/1");
    }

    @Test
    void shouldTakeACellWithDigitsOrNothingForANumberCellButNotOneWithChineseOrLetters() {
        assertThat(NumberCells.isCandidate(List.of())).isTrue();
        assertThat(NumberCells.isCandidate(List.of(word("0", 40)))).isTrue();
        assertThat(NumberCells.isCandidate(List.of(word("12", 90), word("3", 90)))).isTrue();
        assertThat(NumberCells.isCandidate(List.of(word("l2.5", 90)))).isTrue();
        assertThat(NumberCells.isCandidate(List.of(word("总计", 90)))).isFalse();
        assertThat(NumberCells.isCandidate(List.of(word("0", 90), word("件", 90)))).isFalse();
        assertThat(NumberCells.isCandidate(List.of(word("abc", 90)))).isFalse();
        assertThat(NumberCells.isCandidate(List.of(word("1234567890123", 90)))).isFalse();
    }

    @Test
    void shouldBeConfidentWhereTwoReadingsAgreeAndDoubtfulWhereTheyDiffer() {
        // Given the digit reading "8" at 93
        List<TsvWords.Word> digits = List.of(word("8", 93));

        // When the block pass read "8" at 60, or "3" at 95
        TsvWords.Word agreed = NumberCells.decide(CELL, List.of(word("8", 60)), digits, List.of(), null, 40, 110,
                "n/0");
        TsvWords.Word differing = NumberCells.decide(CELL, List.of(word("3", 95)), digits, List.of(), null, 40, 110,
                "n/1");

        // Then
        assertThat(agreed.text()).isEqualTo("8");
        assertThat(agreed.confidence()).isEqualTo(93f);
        assertThat(differing.confidence()).isLessThanOrEqualTo(NumberCells.DISAGREEMENT_CONFIDENCE);
    }

    @Test
    void shouldCallANumberCellsInkIllegibleOnlyWhereNothingWasReadThereWithAnOpinion() {
        // Given: ink as tall as a line (40 px) and a speck (6 px)
        Rectangle digitInk = new Rectangle(20, 20, 12, 36);
        Rectangle speck = new Rectangle(20, 20, 5, 6);

        // Then
        assertThat(NumberCells.illegible(List.of(), digitInk, 40)).as("ink, nothing read").isTrue();
        assertThat(NumberCells.illegible(List.of(word(",", 0)), digitInk, 40)).as("a comma at 0").isTrue();
        assertThat(NumberCells.illegible(List.of(word("增6", 92)), digitInk, 40)).as("a change read").isFalse();
        assertThat(NumberCells.illegible(List.of(word("3", 30)), digitInk, 40)).as("a digit read with doubt")
                .isFalse();
        assertThat(NumberCells.illegible(List.of(), speck, 40)).as("a speck").isFalse();
        assertThat(NumberCells.illegible(List.of(), null, 40)).as("no ink").isFalse();
        assertThat(NumberCells.decide(CELL, List.of(), List.of(word(",", 70)), List.of(), digitInk, 40, 110, "n/0"))
                .as("a lone comma is no number").isNull();
    }

    @Test
    void shouldTellARowOfNumbersFromAHeaderRowOfWords() {
        // Given: three cells of one row read 5, (nothing), 7; three of another read words
        List<Rectangle> cells = List.of(new Rectangle(0, 0, 50, 30), new Rectangle(50, 0, 50, 30),
                new Rectangle(100, 0, 50, 30), new Rectangle(0, 30, 50, 30), new Rectangle(50, 30, 50, 30),
                new Rectangle(100, 30, 50, 30));
        List<List<TsvWords.Word>> readings = List.of(List.of(word("5", 95)), List.of(), List.of(word("7", 95)),
                List.of(word("自然人", 95)), List.of(), List.of(word("总计", 95)));

        // Then
        assertThat(NumberCells.inNumberRow(cells, readings, 1)).isTrue();
        assertThat(NumberCells.inNumberRow(cells, readings, 4)).isFalse();
    }

    @Test
    void shouldDropASpeckReadAsAPointAfterTheDigitsAndKeepADecimalPoint() {
        // When the digit reading is "19." (a speck after 19) with the page pass's "19", or "12.5"
        TsvWords.Word speck = NumberCells.decide(CELL, List.of(word("19", 90)), List.of(word("19.", 48)), List.of(),
                null, 40, 110, "n/0");
        TsvWords.Word decimal = NumberCells.decide(CELL, List.of(word("12.5", 90)), List.of(word("12.5", 92)),
                List.of(), null, 40, 110, "n/1");

        // Then
        assertThat(speck.text()).isEqualTo("19");
        assertThat(speck.confidence()).isEqualTo(90f);
        assertThat(decimal.text()).isEqualTo("12.5");
    }

    @Test
    void shouldTrustADigitNothingElseReadOnlyWhereASecondReadingAgreesAndItsInkIsShapedLikeADigit() {
        List<TsvWords.Word> zero = List.of(word("0", 95));
        List<TsvWords.Word> secondZero = List.of(word("0", 91));
        // a "0" 30 pixels tall and 22 wide: a digit
        Rectangle digitInk = new Rectangle(160, 112, 22, 30);
        // as tall but 34 wide: a Chinese character read as a digit
        Rectangle squareInk = new Rectangle(160, 112, 34, 30);
        // a dash: flat
        Rectangle dashInk = new Rectangle(160, 125, 22, 3);

        assertThat(NumberCells.decide(CELL, List.of(), zero, secondZero, digitInk, 40, 110, "n/0").confidence())
                .isEqualTo(91f);
        assertThat(NumberCells.decide(CELL, List.of(), zero, List.of(), digitInk, 40, 110, "n/0").confidence())
                .isLessThanOrEqualTo(NumberCells.DISAGREEMENT_CONFIDENCE);
        assertThat(NumberCells.decide(CELL, List.of(), zero, secondZero, squareInk, 40, 110, "n/0").confidence())
                .isLessThanOrEqualTo(NumberCells.DISAGREEMENT_CONFIDENCE);
        assertThat(NumberCells.decide(CELL, List.of(), zero, secondZero, dashInk, 40, 110, "n/0").confidence())
                .isLessThanOrEqualTo(NumberCells.DISAGREEMENT_CONFIDENCE);
        assertThat(NumberCells.decide(CELL, List.of(), List.of(), secondZero, digitInk, 40, 110, "n/0")).isNull();
    }

    @Test
    void shouldLeaveADigitDoubtfulWhereThePagePassReadAChineseCharacterAndTheTwoDigitReadingsDiffer() {
        // Given a 3 read 又 by the page pass, 2 at 89 by the English model and 3 by the Chinese one (a 200 dpi scan)
        List<TsvWords.Word> before = List.of(word("又", 45));
        Rectangle ink = new Rectangle(160, 112, 18, 27);

        // When
        TsvWords.Word number = NumberCells.decide(CELL, before, List.of(word("2", 89)), List.of(word("3", 70)), ink,
                33, 110, "n/0");

        // Then
        assertThat(number.confidence()).isLessThanOrEqualTo(NumberCells.DISAGREEMENT_CONFIDENCE);
    }

    @Test
    void shouldReadTheLoneDigitsOfAGridAsNumbersThroughTesseract() throws Exception {
        // Given a 300 dpi grid of 3 rows and 5 columns holding lone digits and short numbers, as in T3 and T4
        ScanOcr ocr = new ScanOcr();
        assumeTrue(ocr.available() || "true".equalsIgnoreCase(System.getenv("CI")), "tesseract is not installed");
        String[][] printed = {{"0", "1", "7", "0", "12"}, {"3", "0", "0", "105", "4"}, {"0", "9", "26", "0", "1"}};
        BufferedImage page = new BufferedImage(1400, 700, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1400, 700);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 42)); // 10 pt at 300 dpi
        for (int r = 0; r <= 3; r++) {
            g.fillRect(100, 100 + r * 120, 1200 + 3, 3);
        }
        for (int c = 0; c <= 5; c++) {
            g.fillRect(100 + c * 240, 100, 3, 360 + 3);
        }
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 5; c++) {
                g.drawString(printed[r][c], 100 + c * 240 + 100, 100 + r * 120 + 75);
            }
        }
        g.dispose();
        RulingEraser.Erased erased = RulingEraser.erase(page, 300f);

        // When
        List<Glyph> words = ocr.read(erased.image(), 300f, Duration.ofMinutes(2), erased.cells());

        // Then every cell is read with its number, the rows keep their cells apart, and most are confident: a number
        // the page pass read otherwise (26 read 206) stays doubtful, and so does a lone 1 that only one model finds
        List<io.annualreport.model.document.TextLine> lines = RowAssembler.assembleOcr(1, words, erased.rulings());
        assertThat(lines).extracting(io.annualreport.model.document.TextLine::text)
                .containsExactly("0\t1\t7\t0\t12", "3\t0\t0\t105\t4", "0\t9\t26\t0\t1");
        assertThat(words.stream().filter(w -> w.confidence() < 80f).count()).as("doubtful cells")
                .isLessThanOrEqualTo(3);
    }
}
