package io.annualreport.store.review;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import io.annualreport.model.text.TextFolding;

/**
 * The picture of a page a reviewer compares a cell with: a PDF page rendered by PDFBox, cropped to the cell's row
 * when the page has a text layer in which the row's source line is found, otherwise the whole page; an uploaded image
 * as it is. Other formats have no page picture (the source row's text stands in for it).
 */
public final class PageImages {

    /** Render resolution: enough to read a table's digits, small enough for a browser. */
    static final float DPI = 110f;
    /** Space kept above and below the row, in pixels at {@link #DPI}. */
    static final int MARGIN = 70;

    private PageImages() {
    }

    /** A page picture: its bytes, media type and whether it was cropped to the row. */
    public record PageImage(byte[] bytes, String mediaType, boolean cropped) {
    }

    /** Whether files of this media type have a page picture. */
    public static boolean supports(String mediaType) {
        String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
        return type.equals("application/pdf") || type.startsWith("image/");
    }

    /**
     * The picture of a 1-based page of the file, cropped around the row whose text contains {@code rowText} when it
     * is found.
     *
     * @throws IllegalArgumentException when the file has no such page or is not a PDF or an image
     * @throws IOException when the file cannot be read as what its media type says
     */
    public static PageImage page(byte[] file, String mediaType, int page, String rowText) throws IOException {
        String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
        if (type.startsWith("image/")) {
            return new PageImage(file, type, false);
        }
        if (!type.equals("application/pdf")) {
            throw new IllegalArgumentException("a " + mediaType + " file has no page pictures");
        }
        try (PDDocument document = Loader.loadPDF(file)) {
            if (page < 1 || page > document.getNumberOfPages()) {
                throw new IllegalArgumentException("the file has " + document.getNumberOfPages() + " pages, not "
                        + page);
            }
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(page - 1, DPI, ImageType.RGB);
            float[] row = rowText == null || rowText.isBlank() ? null : rowBand(document, page, rowText);
            boolean cropped = false;
            if (row != null) {
                float scale = DPI / 72f;
                int top = Math.max(0, Math.round(row[0] * scale) - MARGIN);
                int bottom = Math.min(image.getHeight(), Math.round(row[1] * scale) + MARGIN);
                if (bottom > top) {
                    image = image.getSubimage(0, top, image.getWidth(), bottom - top);
                    cropped = true;
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return new PageImage(out.toByteArray(), "image/png", cropped);
        }
    }

    /** The top and bottom (PDF points from the top) of the first text line containing the row text, or null. */
    static float[] rowBand(PDDocument document, int page, String rowText) throws IOException {
        String wanted = probe(rowText);
        if (wanted.isEmpty()) {
            return null;
        }
        List<float[]> found = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                if (found.isEmpty() && !positions.isEmpty() && TextFolding.compact(text).contains(wanted)) {
                    float top = Float.MAX_VALUE;
                    float bottom = 0;
                    for (TextPosition p : positions) {
                        top = Math.min(top, p.getYDirAdj() - p.getHeightDir());
                        bottom = Math.max(bottom, p.getYDirAdj());
                    }
                    found.add(new float[]{top, bottom});
                }
            }
        };
        stripper.setSortByPosition(true);
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.getText(document);
        return found.isEmpty() ? null : found.get(0);
    }

    /** What to look for on the page: the first characters of the row's label, before its numbers. */
    static String probe(String rowText) {
        String compact = TextFolding.compact(rowText);
        StringBuilder label = new StringBuilder();
        for (int i = 0; i < compact.length() && label.length() < 8; i++) {
            char c = compact.charAt(i);
            if (Character.isDigit(c) && label.length() >= 2) {
                break;
            }
            label.append(c);
        }
        return label.toString();
    }
}
