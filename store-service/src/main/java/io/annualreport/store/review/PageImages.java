package io.annualreport.store.review;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
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

import io.annualreport.model.report.LinePosition;
import io.annualreport.model.text.TextFolding;

/**
 * The picture of a page a reviewer compares a cell with: a PDF page rendered by PDFBox or an uploaded image, cropped
 * around the cell's row. The row is placed by the position the parser measured for the cell's text line (a text layer
 * or OCR, so scans too); without one, on a PDF, by searching the page's text layer for the row's label; when neither
 * places it, the whole page is shown. Other formats have no page picture (the source row's text stands in for it).
 */
public final class PageImages {

    /** Render resolution: enough to read a table's digits, small enough for a browser. */
    static final float DPI = 110f;
    /** Space kept above and below the row, in pixels at {@link #DPI}. */
    static final int MARGIN = 70;
    /** How far above its baseline a table row's text reaches, in points (a row of 10.5 to 14 pt type). */
    static final float ASCENT = 14f;
    /** How far below its baseline a row's text reaches, in points. */
    static final float DESCENT = 4f;
    /**
     * The resolution extraction reads an uploaded image at (report-extraction's {@code TikaTextExtractor}): its OCR
     * positions are the image's pixels × 72 / this, so a position × this / 72 is the pixel row again.
     */
    static final float IMAGE_DPI = 200f;

    private PageImages() {
    }

    /** How a picture was cropped: by the parser's line position, by the text layer's label, or not at all. */
    public enum CropBasis {
        /** Around the baseline the parser measured for the cell's line. */
        LINE_POSITION,
        /** Around the first text-layer line containing the row's label. */
        TEXT_SEARCH,
        /** Not cropped: the whole page. */
        WHOLE_PAGE
    }

    /**
     * A page picture: its bytes, media type and how it was cropped; {@code top} and {@code bottom} are the rows of the
     * whole page (in pixels of this picture's resolution) that the picture shows, {@code pageHeight} the whole page's
     * height in those pixels.
     */
    public record PageImage(byte[] bytes, String mediaType, CropBasis basis, int top, int bottom, int pageHeight) {

        /** Whether the picture shows only a band of the page around the row. */
        public boolean cropped() {
            return basis != CropBasis.WHOLE_PAGE;
        }
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
        return page(file, mediaType, page, null, rowText);
    }

    /**
     * The picture of a 1-based page of the file, cropped around {@code position} when it is on that page and inside
     * it, else (PDF) around the row whose text contains {@code rowText}, else the whole page.
     *
     * @param position where the parser placed the cell's line; null when unknown
     * @throws IllegalArgumentException when the file has no such page or is not a PDF or an image
     * @throws IOException when the file cannot be read as what its media type says
     */
    public static PageImage page(byte[] file, String mediaType, int page, LinePosition position, String rowText)
            throws IOException {
        String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
        if (type.startsWith("image/")) {
            return image(file, type, page, position);
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
            float scale = DPI / 72f;
            int[] band = position != null && position.page() == page ? band(position.y(), scale, image) : null;
            CropBasis basis = CropBasis.LINE_POSITION;
            if (band == null && rowText != null && !rowText.isBlank()) {
                float[] row = rowBand(document, page, rowText);
                band = row == null ? null : clamp(row[0] * scale - MARGIN, row[1] * scale + MARGIN, image);
                basis = CropBasis.TEXT_SEARCH;
            }
            return png(image, band, basis);
        }
    }

    /** An uploaded image: cropped around the position when it lies inside it, otherwise as it is. */
    private static PageImage image(byte[] file, String type, int page, LinePosition position) throws IOException {
        if (page != 1) {
            throw new IllegalArgumentException("an image has 1 page, not " + page);
        }
        BufferedImage image = position == null || position.page() != 1 ? null : read(file);
        int[] band = image == null ? null : band(position.y(), IMAGE_DPI / 72f, image);
        if (band == null) {
            return new PageImage(file, type, CropBasis.WHOLE_PAGE, 0, image == null ? 0 : image.getHeight(),
                    image == null ? 0 : image.getHeight());
        }
        return png(image, band, CropBasis.LINE_POSITION);
    }

    private static BufferedImage read(byte[] file) {
        try {
            return ImageIO.read(new ByteArrayInputStream(file));
        } catch (IOException | RuntimeException e) {
            return null; // shown as it is: the browser may still display what ImageIO cannot decode
        }
    }

    /** The pixel rows around a baseline (points from the top), or null when the baseline is not on the picture. */
    static int[] band(float baseline, float pixelsPerPoint, BufferedImage image) {
        float y = baseline * pixelsPerPoint;
        if (!Float.isFinite(y) || y <= 0 || y > image.getHeight()) {
            return null;
        }
        return clamp(y - ASCENT * pixelsPerPoint - MARGIN, y + DESCENT * pixelsPerPoint + MARGIN, image);
    }

    private static int[] clamp(float top, float bottom, BufferedImage image) {
        int from = Math.max(0, Math.round(top));
        int to = Math.min(image.getHeight(), Math.round(bottom));
        return to > from ? new int[]{from, to} : null;
    }

    private static PageImage png(BufferedImage page, int[] band, CropBasis basis) throws IOException {
        BufferedImage picture = band == null ? page : page.getSubimage(0, band[0], page.getWidth(), band[1] - band[0]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(picture, "png", out);
        return band == null
                ? new PageImage(out.toByteArray(), "image/png", CropBasis.WHOLE_PAGE, 0, page.getHeight(),
                        page.getHeight())
                : new PageImage(out.toByteArray(), "image/png", basis, band[0], band[1], page.getHeight());
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
