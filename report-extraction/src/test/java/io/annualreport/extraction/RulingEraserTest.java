package io.annualreport.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

class RulingEraserTest {

    private static final float DPI = 300f;

    @Test
    void shouldWhitenTableBordersAndKeepTheTextBetweenThem() {
        // Given: a 300 dpi cell, 2 px grey borders around a block of "ink" the size of a character
        BufferedImage page = new BufferedImage(600, 300, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 600, 300);
        g.setColor(new Color(128, 128, 128));
        g.fillRect(50, 50, 500, 2);
        g.fillRect(50, 250, 500, 2);
        g.fillRect(50, 50, 2, 202);
        g.fillRect(300, 50, 2, 202);
        g.setColor(Color.BLACK);
        g.fillRect(100, 120, 40, 4);
        g.fillRect(118, 100, 4, 44);
        g.dispose();

        // When
        RulingEraser.Erased erased = RulingEraser.erase(page, DPI);

        // Then
        assertThat(grey(erased.image(), 200, 50)).as("top border").isEqualTo(255);
        assertThat(grey(erased.image(), 300, 150)).as("middle border").isEqualTo(255);
        assertThat(grey(erased.image(), 120, 120)).as("the character").isZero();
        assertThat(grey(erased.image(), 110, 121)).as("its horizontal stroke").isZero();
        assertThat(erased.rulings()).extracting(r -> Math.round(r.x() * DPI / 72f)).contains(50, 300);
        assertThat(erased.rulings()).allSatisfy(r -> assertThat(r.bottom() - r.top()).isGreaterThan(40f));
    }

    @Test
    void shouldTakeTheShortBordersOfAOneRowTablePieceAndNotAStrokeOfTheSameLength() {
        // Given: a one-row table piece 0.25 in high (75 px at 300 dpi, under the 0.3 in of a border by length alone):
        // its verticals join the horizontal borders at both ends; a character stroke of the same length stands free
        BufferedImage page = new BufferedImage(900, 300, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 900, 300);
        g.setColor(new Color(110, 110, 110));
        g.fillRect(50, 50, 600, 2);
        g.fillRect(50, 125, 600, 2);
        for (int x : new int[]{50, 250, 450, 648}) {
            g.fillRect(x, 50, 2, 77);
        }
        g.setColor(Color.BLACK);
        g.fillRect(750, 50, 3, 77);
        g.dispose();

        // When
        RulingEraser.Erased erased = RulingEraser.erase(page, DPI);

        // Then
        assertThat(erased.rulings()).extracting(r -> Math.round(r.x() * DPI / 72f)).contains(50, 250, 450, 648)
                .noneMatch(x -> x > 700);
        assertThat(grey(erased.image(), 250, 90)).as("the border between two cells").isEqualTo(255);
        assertThat(grey(erased.image(), 751, 90)).as("the free stroke").isZero();
        assertThat(erased.cells().cellAround(150, 90)).as("the row's first cell").isPresent();
    }

    @Test
    void shouldKeepAFilledAreaThatIsNoBorder() {
        // Given: a solid black bar 30 px thick (a heading band), far thicker than a border
        BufferedImage page = new BufferedImage(600, 200, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 600, 200);
        g.setColor(Color.BLACK);
        g.fillRect(50, 80, 500, 30);
        g.dispose();

        // When
        RulingEraser.Erased erased = RulingEraser.erase(page, DPI);

        // Then
        assertThat(grey(erased.image(), 300, 95)).isZero();
        assertThat(erased.rulings()).isEmpty();
    }

    private static int grey(BufferedImage image, int x, int y) {
        return image.getRaster().getSample(x, y, 0);
    }
}
