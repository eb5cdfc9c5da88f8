package io.annualreport.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class PaddleTextTest {

    /** A CJK font of the machine (scripts/install-system-deps.sh installs WenQuanYi). */
    private static final File FONT = new File("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");

    @Test
    void shouldFindOneBoxPerRegionOfTextAndGrowItBackToThePage() {
        // a 64 x 32 map with two separate confident regions, one faint region and one too thin to be text
        int w = 64;
        int h = 32;
        float[] map = new float[w * h];
        fill(map, w, 4, 4, 20, 8, 0.9f);
        fill(map, w, 40, 4, 20, 8, 0.9f);
        fill(map, w, 4, 20, 20, 8, 0.4f); // above the text threshold, below the box threshold
        fill(map, w, 40, 20, 20, 2, 0.9f); // two pixels high

        List<Rectangle> boxes = TextLineFinder.regions(map, w, h, 2.0, 2.0, 128, 64);

        assertThat(boxes).hasSize(2);
        Rectangle left = boxes.get(0);
        // the 20 x 8 region at (4, 4) grown by 20 * 8 * 1.5 / 56 = 4.3 map pixels, then doubled into the page
        assertThat(left.x).isEqualTo(0);
        assertThat(left.y).isEqualTo(0);
        assertThat(left.x + left.width).isEqualTo(57);
        assertThat(boxes.get(1).x).isGreaterThan(left.x + left.width / 2);
    }

    @Test
    void shouldCutALineAtTheBordersOfTheCellsItCrosses() {
        Rectangle line = new Rectangle(100, 200, 500, 40);
        List<Rectangle> cells = List.of(new Rectangle(90, 190, 200, 60), new Rectangle(300, 190, 100, 60),
                new Rectangle(410, 190, 300, 60), new Rectangle(90, 260, 200, 60));

        List<Rectangle> pieces = PaddleText.pieces(line, cells);

        assertThat(pieces).containsExactly(new Rectangle(100, 200, 190, 40), new Rectangle(300, 200, 100, 40),
                new Rectangle(410, 200, 190, 40));
        assertThat(PaddleText.pieces(new Rectangle(0, 0, 80, 30), cells)).containsExactly(
                new Rectangle(0, 0, 80, 30));
    }

    @Test
    void shouldSplitALineIntoWordsAtItsSpacesWithTheLeastProbabilityAsConfidence() {
        List<LineRecogniser.Character> read = List.of(new LineRecogniser.Character("本", 0.99f, 110),
                new LineRecogniser.Character("年", 0.90f, 140), new LineRecogniser.Character(" ", 0.8f, 170),
                new LineRecogniser.Character("1", 0.95f, 200), new LineRecogniser.Character("2", 0.60f, 215));

        List<TsvWords.Word> words = PaddleText.words(read, new Rectangle(95, 50, 130, 30), "pp/1");

        assertThat(words).extracting(TsvWords.Word::text).containsExactly("本年", "12");
        assertThat(words.get(0).confidence()).isCloseTo(90f, org.assertj.core.data.Offset.offset(0.01f));
        assertThat(words.get(1).confidence()).isCloseTo(60f, org.assertj.core.data.Offset.offset(0.01f));
        assertThat(words.get(0).left()).isGreaterThanOrEqualTo(95);
        assertThat(words.get(0).left() + words.get(0).width()).isLessThan(words.get(1).left());
        assertThat(words).allSatisfy(word -> {
            assertThat(word.top()).isEqualTo(50);
            assertThat(word.height()).isEqualTo(30);
        });
    }

    @Test
    void shouldReadARenderedLineOfChineseAndItsNumberCellAsDigits() throws Exception {
        PaddleModels models = PaddleModels.get();
        assertThat(models).as("PP-OCR models: " + PaddleModels.failure()).isNotNull();
        assertThat(FONT).as("a CJK font (scripts/install-system-deps.sh installs fonts-wqy-microhei)").isFile();
        Font font = Font.createFonts(FONT)[0].deriveFont(Font.PLAIN, 40f);
        BufferedImage page = new BufferedImage(1400, 300, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(font);
        g.drawString("政府信息公开工作年度报告", 40, 80);
        g.drawString("行政许可", 40, 220);
        g.drawString("105", 700, 220);
        g.dispose();
        // the second line stands in a table row of two cells: label and number
        List<Rectangle> cells = List.of(new Rectangle(20, 170, 600, 80), new Rectangle(640, 170, 300, 80));

        PaddleText.PageReading reading = new PaddleText(models).read(page, cells, System.nanoTime() + 60_000_000_000L);

        assertThat(reading.words()).extracting(TsvWords.Word::text)
                .contains("政府信息公开工作年度报告", "行政许可", "105");
        assertThat(reading.digits()).extracting(TsvWords.Word::text).contains("105");
        assertThat(reading.words()).filteredOn(word -> word.text().equals("105")).singleElement()
                .satisfies(word -> {
                    assertThat(word.left()).isBetween(680, 720);
                    assertThat(word.confidence()).isGreaterThan(80f);
                });
    }

    private static void fill(float[] map, int width, int x, int y, int w, int h, float value) {
        for (int row = y; row < y + h; row++) {
            Arrays.fill(map, row * width + x, row * width + x + w, value);
        }
    }
}
