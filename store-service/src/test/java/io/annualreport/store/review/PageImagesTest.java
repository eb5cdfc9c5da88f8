package io.annualreport.store.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.junit.jupiter.api.Test;

import io.annualreport.model.report.LinePosition;
import io.annualreport.store.review.PageImages.CropBasis;
import io.annualreport.store.review.PageImages.PageImage;

/** Page pictures are cropped around the parser's line position (scans and images too), else shown whole. */
class PageImagesTest {

    /** A4 height in points. */
    private static final float A4 = PDRectangle.A4.getHeight();

    @Test
    void shouldCropAScannedPageAroundTheLinePosition() throws Exception {
        // Given a page that is only a picture (no text layer), and a row at 500 points from the top
        byte[] scan = scannedPdf();
        // When
        PageImage picture = PageImages.page(scan, "application/pdf", 1, new LinePosition(40, 1, 500f), "(一) 予以公开 50");
        // Then the picture is a band of the page around the row
        assertThat(picture.basis()).isEqualTo(CropBasis.LINE_POSITION);
        assertThat(picture.cropped()).isTrue();
        int row = Math.round(500f * PageImages.DPI / 72f);
        assertThat(picture.top()).isLessThan(row);
        assertThat(picture.bottom()).isGreaterThan(row);
        assertThat(picture.pageHeight()).isEqualTo(Math.round(A4 * PageImages.DPI / 72f));
        assertThat(picture.bottom() - picture.top()).isLessThan(picture.pageHeight() / 5);
        assertThat(height(picture.bytes())).isEqualTo(picture.bottom() - picture.top());
    }

    @Test
    void shouldShowTheWholeScannedPageWhenTheRowCannotBePlaced() throws Exception {
        byte[] scan = scannedPdf();
        // no position, and no text layer to search
        PageImage none = PageImages.page(scan, "application/pdf", 1, null, "(一) 予以公开 50");
        // a position on another page, and one below the page
        PageImage otherPage = PageImages.page(scan, "application/pdf", 1, new LinePosition(40, 2, 500f), null);
        PageImage offPage = PageImages.page(scan, "application/pdf", 1, new LinePosition(40, 1, A4 + 50), null);
        for (PageImage picture : new PageImage[]{none, otherPage, offPage}) {
            assertThat(picture.basis()).isEqualTo(CropBasis.WHOLE_PAGE);
            assertThat(picture.cropped()).isFalse();
            assertThat(height(picture.bytes())).isEqualTo(picture.pageHeight());
        }
    }

    @Test
    void shouldCropAnUploadedImageAtTheResolutionExtractionReadIt() throws Exception {
        // Given a 1000 x 2000 pixel photo of a page; OCR measured a row at 360 points (1000 pixels at 200 dpi)
        byte[] png = png(new BufferedImage(1000, 2000, BufferedImage.TYPE_INT_RGB));
        // When
        PageImage picture = PageImages.page(png, "image/png", 1, new LinePosition(12, 1, 360f), null);
        // Then
        assertThat(picture.basis()).isEqualTo(CropBasis.LINE_POSITION);
        assertThat(picture.top()).isLessThan(1000);
        assertThat(picture.bottom()).isGreaterThan(1000);
        assertThat(picture.pageHeight()).isEqualTo(2000);
        assertThat(height(picture.bytes())).isEqualTo(picture.bottom() - picture.top()).isLessThan(400);
        // and without a position it is sent as it is
        PageImage whole = PageImages.page(png, "image/png", 1, null, null);
        assertThat(whole.bytes()).isEqualTo(png);
        assertThat(whole.cropped()).isFalse();
    }

    private static byte[] scannedPdf() throws IOException {
        BufferedImage page = new BufferedImage(827, 1169, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setColor(Color.BLACK);
        g.fillRect(100, 680, 600, 14); // a row of "print" at about 500 points from the top
        g.dispose();
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage pdfPage = new PDPage(PDRectangle.A4);
            document.addPage(pdfPage);
            try (PDPageContentStream content = new PDPageContentStream(document, pdfPage)) {
                content.drawImage(LosslessFactory.createFromImage(document, page), 0, 0, PDRectangle.A4.getWidth(),
                        PDRectangle.A4.getHeight());
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static int height(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png)).getHeight();
    }
}
