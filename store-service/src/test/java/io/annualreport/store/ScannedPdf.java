package io.annualreport.store;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Makes a scanned report for tests: one page of a born-digital PDF as a picture only, with no text layer. */
final class ScannedPdf {

    private ScannedPdf() {
    }

    /** A one-page, image-only PDF of the given 1-based page. */
    static byte[] of(byte[] pdf, int page) throws IOException {
        return pages(pdf, page, page);
    }

    /** An image-only PDF of every page of the given PDF. */
    static byte[] all(byte[] pdf) throws IOException {
        try (PDDocument source = Loader.loadPDF(pdf)) {
            return pages(pdf, 1, source.getNumberOfPages());
        }
    }

    private static byte[] pages(byte[] pdf, int first, int last) throws IOException {
        try (PDDocument source = Loader.loadPDF(pdf);
                PDDocument scan = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFRenderer renderer = new PDFRenderer(source);
            for (int page = first; page <= last; page++) {
                BufferedImage image = renderer.renderImageWithDPI(page - 1, 100, ImageType.GRAY);
                PDPage target = new PDPage(PDRectangle.A4);
                scan.addPage(target);
                PDImageXObject picture = LosslessFactory.createFromImage(scan, image);
                try (PDPageContentStream content = new PDPageContentStream(scan, target)) {
                    content.drawImage(picture, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            scan.save(out);
            return out.toByteArray();
        }
    }
}
