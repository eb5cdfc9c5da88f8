package io.annualreport.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.report.ExtractionMethod;

class ScanPreparationTest {

    /** A page of dark text-like bars (lines of "words") with a bordered table, turned by {@code degrees}. */
    private static BufferedImage page(int width, int height, double degrees, boolean redSeal) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.rotate(Math.toRadians(degrees), width / 2.0, height / 2.0);
        g.setColor(new Color(30, 30, 30));
        for (int y = height / 10; y < height / 2; y += height / 40) {
            for (int x = width / 10; x < width * 9 / 10; x += width / 25) {
                g.fillRect(x, y, width / 30, height / 120);
            }
        }
        g.setStroke(new BasicStroke(Math.max(2, width / 800f)));
        int top = height * 6 / 10;
        int cellWidth = width / 5;
        int cellHeight = height / 25;
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                g.drawRect(width / 10 + c * cellWidth, top + r * cellHeight, cellWidth, cellHeight);
                g.fillRect(width / 10 + c * cellWidth + cellWidth / 3, top + r * cellHeight + cellHeight / 3,
                        cellWidth / 8, cellHeight / 3);
            }
        }
        if (redSeal) {
            g.setColor(new Color(225, 40, 50));
            g.setStroke(new BasicStroke(width / 200f));
            g.drawOval(width / 2, height / 5, width / 5, width / 5);
            g.fillOval(width / 2 + width / 15, height / 5 + width / 15, width / 15, width / 15);
        }
        g.dispose();
        return image;
    }

    @Test
    void shouldFindTheSkewOfATurnedPageAndStraightenIt() {
        for (double degrees : new double[]{-3.0, -0.6, 1.2, 4.5}) {
            // Given a page turned by a known angle (positive turns it clockwise on screen: text falls to the right)
            BufferedImage turned = page(1240, 1754, degrees, false);

            // When
            ScanPreparation.Prepared prepared = ScanPreparation.prepare(turned, 150);

            // Then the skew is found to within a tenth of a degree and the straightened page has none left
            assertThat(prepared.skewDegrees()).as("skew of a page turned by " + degrees).isCloseTo(-degrees,
                    within(0.1));
            assertThat(ScanPreparation.skewDegrees(prepared.grey())).isCloseTo(0.0, within(0.1));
        }
    }

    @Test
    void shouldBringALowResolutionPageTo300DpiAndBinariseIt() {
        // Given a 150 dpi grey page
        BufferedImage scan = page(1240, 1754, 0, false);

        // When
        ScanPreparation.Prepared prepared = ScanPreparation.prepare(scan, 150);

        // Then
        assertThat(prepared.dpi()).isEqualTo(300f);
        assertThat(prepared.image().getWidth()).isEqualTo(2480);
        int[] values = prepared.image().getRaster().getPixels(0, 0, 2480, 3508, (int[]) null);
        assertThat(java.util.Arrays.stream(values).filter(v -> v != 0 && v != 255).count()).isZero();
        assertThat(java.util.Arrays.stream(values).filter(v -> v == 0).count()).isGreaterThan(10_000);
    }

    @Test
    void shouldWhitenARedSealButKeepTheBlackTextUnderIt() {
        // Given a colour page with a red seal over part of the text
        BufferedImage scan = page(1240, 1754, 0, true);
        long[] seal = new long[1];

        // When
        BufferedImage grey = ScanPreparation.greyWithoutRed(scan, seal);

        // Then the ring is white, the text bars inside it stay dark
        assertThat(seal[0]).isGreaterThan(1_000);
        int ringX = 1240 / 2 + 2;
        int ringY = 1754 / 5 + 1240 / 10;
        assertThat(grey.getRaster().getSample(ringX, ringY, 0)).isEqualTo(255);
        int textX = 1240 / 10 + 5;
        int textY = 1754 / 10 + 2;
        assertThat(grey.getRaster().getSample(textX, textY, 0)).isLessThan(64);
    }

    @Test
    void shouldFindEveryCellOfATableWithBrokenBorders() {
        // Given a straight 300 dpi page whose table borders are broken every 40 pixels by a 2-pixel gap
        BufferedImage scan = page(2480, 3508, 0, false);
        Graphics2D g = scan.createGraphics();
        g.setColor(Color.WHITE);
        for (int x = 0; x < 2480; x += 40) {
            g.fillRect(x, 3508 * 6 / 10 - 5, 2, 3508 / 25 * 4 + 10);
        }
        g.dispose();
        ScanPreparation.Prepared prepared = ScanPreparation.prepare(scan, 300);

        // When
        RulingEraser.Erased erased = RulingEraser.erase(prepared);
        List<Rectangle> cells = erased.cells().all();

        // Then all 16 cells are found, each holding its mark
        assertThat(cells).hasSize(16);
        assertThat(CellReread.inked(erased.image(), cells, 300)).hasSize(16);
    }

    @Test
    void shouldEstimateTheResolutionOfAnImageThatDoesNotStateIt() {
        assertThat(ScanPreparation.estimateDpi(1654, 2339)).isCloseTo(200f, within(1f));
        assertThat(ScanPreparation.estimateDpi(2339, 1654)).isCloseTo(200f, within(1f));
        assertThat(ScanPreparation.estimateDpi(10, 10)).isEqualTo(72f);
    }

    /** An OCR engine that records the resolution of each page it is given and reads one fixed line. */
    private static final class RecordingOcr implements OcrEngine {
        final List<Float> dpis = new ArrayList<>();
        final List<Integer> widths = new ArrayList<>();

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public String describe() {
            return "recording";
        }

        @Override
        public List<Glyph> read(BufferedImage image, float dpi, Duration budget) {
            dpis.add(dpi);
            widths.add(image.getWidth());
            return List.of(new Glyph(72, 300, 100, 12, "六、其他需要报告的事项"));
        }
    }

    @Test
    void shouldReadEveryPageOfAMultiPageTiffAtTheResolutionItStates(@TempDir Path dir) throws Exception {
        // Given a three-page 150 dpi TIFF (A4 at 150 dpi is 1240 pixels wide)
        Path tiff = dir.resolve("scan.tif");
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(tiff.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            writer.prepareWriteSequence(null);
            for (int i = 0; i < 3; i++) {
                BufferedImage page = page(1240, 1754, 0.5 * i, false);
                IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(page),
                        param);
                IIOMetadataNode root = new IIOMetadataNode("javax_imageio_1.0");
                IIOMetadataNode dimension = new IIOMetadataNode("Dimension");
                IIOMetadataNode size = new IIOMetadataNode("HorizontalPixelSize");
                size.setAttribute("value", Float.toString(25.4f / 150));
                dimension.appendChild(size);
                root.appendChild(dimension);
                metadata.mergeTree("javax_imageio_1.0", root);
                writer.writeToSequence(new IIOImage(page, null, metadata), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        RecordingOcr ocr = new RecordingOcr();

        // When
        ExtractedDocument document = new TikaTextExtractor(ExtractionLimits.DEFAULT, ocr).extract(tiff, "scan.tif",
                null);

        // Then each page was enlarged from 150 to 300 dpi and read
        assertThat(document.extraction().mediaType()).isEqualTo("image/tiff");
        assertThat(document.extraction().pages()).isEqualTo(3);
        assertThat(document.extraction().pageMethods()).extracting(p -> p.method()).containsOnly(ExtractionMethod.OCR);
        assertThat(ocr.dpis).containsExactly(300f, 300f, 300f);
        assertThat(ocr.widths).containsOnly(2480);
        assertThat(document.lines()).extracting(l -> l.page()).containsExactly(1, 2, 3);
        assertThat(document.extraction().warnings()).anyMatch(w -> w.contains("150 dpi read at 300 dpi"));
    }

    @Test
    void shouldTakeTheResolutionOfAJpegFromItsHeaderAndEstimateItWhenAbsent(@TempDir Path dir) throws Exception {
        // Given a 200 dpi page saved as PNG without a resolution
        Path png = dir.resolve("page.png");
        ImageIO.write(page(1654, 2339, 0, false), "png", png.toFile());
        RecordingOcr ocr = new RecordingOcr();

        // When
        ExtractedDocument document = new TikaTextExtractor(ExtractionLimits.DEFAULT, ocr).extract(png, "page.png",
                null);

        // Then the resolution is estimated from the A4 page and the page brought to 300 dpi
        assertThat(document.extraction().warnings()).singleElement().asString().contains("200 dpi read at 300 dpi");
        assertThat(ocr.dpis).containsExactly(300f);
        assertThat(Files.exists(png)).isTrue();
    }
}
