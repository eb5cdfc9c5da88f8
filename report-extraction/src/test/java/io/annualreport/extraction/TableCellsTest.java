package io.annualreport.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

class TableCellsTest {

    private static final float DPI = 300f;

    /** A 300 dpi page with a two-cell table: borders at x 100, 400, 700 and y 100, 300; text space below it. */
    private static BufferedImage pageWithTable() {
        BufferedImage page = new BufferedImage(800, 1200, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 800, 1200);
        g.setColor(Color.BLACK);
        g.fillRect(100, 100, 602, 2);
        g.fillRect(100, 300, 602, 2);
        g.fillRect(100, 100, 2, 202);
        g.fillRect(400, 100, 2, 202);
        g.fillRect(700, 100, 2, 202);
        g.dispose();
        return page;
    }

    @Test
    void shouldFindTheCellInsideTheBordersAroundAPoint() {
        // Given
        TableCells cells = RulingEraser.erase(pageWithTable(), DPI).cells();

        // When
        var left = cells.cellAround(250, 200);
        var right = cells.cellAround(550, 150);

        // Then
        assertThat(left).isPresent();
        Rectangle cell = left.get();
        assertThat(cell.x).isBetween(102, 108);
        assertThat(cell.x + cell.width).isBetween(394, 400);
        assertThat(cell.y).isBetween(102, 108);
        assertThat(cell.y + cell.height).isBetween(294, 300);
        assertThat(right).isPresent();
        assertThat(right.get().x).isGreaterThan(400);
    }

    @Test
    void shouldFindNoCellForTextOutsideTheTable() {
        // Given
        TableCells cells = RulingEraser.erase(pageWithTable(), DPI).cells();

        // When / Then
        assertThat(cells.cellAround(250, 600)).isEmpty();
        assertThat(cells.cellAround(750, 200)).isEmpty();
        assertThat(TableCells.NONE.cellAround(250, 200)).isEmpty();
    }
}
