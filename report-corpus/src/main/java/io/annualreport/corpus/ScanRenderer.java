package io.annualreport.corpus;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import io.annualreport.corpus.Part.Block;
import io.annualreport.corpus.Part.Paragraph;
import io.annualreport.corpus.Part.TableBlock;

/**
 * Renders a generated report as an office scan: A4 pages drawn with Java2D in a CJK font (text, and tables with
 * rulings and merged cells in the official layout), rasterised at the scan's resolution in grey or colour, turned by
 * a small angle, blurred, noised, optionally stamped with a red seal, and saved as JPEG of the scan's quality; as an
 * image-only PDF (what a scanner's "scan to PDF" makes), as JPEG files or as one multi-page TIFF. The ground truth is
 * the generated report's cells and identity.
 */
public final class ScanRenderer {

    /** Where a CJK font is looked for when {@code -Dscan.font} does not name one. */
    static final List<String> FONT_FILES = List.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
            "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
            "/System/Library/Fonts/PingFang.ttc", "/System/Library/Fonts/STHeiti Light.ttc",
            "C:/Windows/Fonts/simsun.ttc");

    private static final float PAGE_WIDTH = 595f;
    private static final float PAGE_HEIGHT = 842f;
    private static final float MARGIN_X = 68f;
    private static final float MARGIN_TOP = 64f;
    private static final float MARGIN_BOTTOM = 64f;
    private static final float BODY = 10.5f;
    private static final float TABLE = 9f;
    private static final float CELL_PADDING = 2.5f;
    /** A table of at most this many rows is moved whole to the next page rather than split. */
    private static final int SMALL_TABLE_ROWS = 8;

    private static Font baseFont;

    /**
     * How a report is scanned.
     *
     * @param dpi the scan resolution (150, 200, 300 as scanners offer)
     * @param colour a colour scan (RGB) rather than grey
     * @param jpegQuality the JPEG quality, 1 to 100
     * @param maxRotationDegrees each page is turned by a random angle up to this either way
     * @param noise the standard deviation of the grey noise added, in grey levels
     * @param blur the Gaussian blur radius, in pixels of the scan
     * @param seal a red seal stamped over the end of the report
     */
    public record Scan(int dpi, boolean colour, int jpegQuality, double maxRotationDegrees, double noise, double blur,
            boolean seal) {

        /** An office grey scan at a resolution: quality 70, up to 1° turned, light noise and blur, no seal. */
        public static Scan officeGrey(int dpi) {
            return new Scan(dpi, false, 70, 1.0, 6, 0.6, false);
        }

        /** A colour scan with a red seal at a resolution: quality 70, up to 1° turned, light noise and blur. */
        public static Scan officeColourWithSeal(int dpi) {
            return new Scan(dpi, true, 70, 1.0, 6, 0.6, true);
        }

        /** The same scan with a JPEG quality and largest rotation. */
        public Scan with(int quality, double rotation) {
            return new Scan(dpi, colour, quality, rotation, noise, blur, seal);
        }
    }

    /** The page images of a report scanned; deterministic for the report, the scan and the seed. */
    public List<BufferedImage> pages(GeneratedReport report, Noise noise, Scan scan, long seed) {
        Random random = new Random(seed);
        List<BufferedImage> pages = new ArrayList<>();
        List<List<Draw>> layout = new Layout(report, noise).pages();
        for (int i = 0; i < layout.size(); i++) {
            pages.add(degrade(draw(layout.get(i), scan.dpi()), scan, random, i == layout.size() - 1 && scan.seal(),
                    report.identity().agency()));
        }
        return pages;
    }

    /** The report as an image-only PDF of JPEG pages, one A4 page per scanned page. */
    public byte[] pdf(GeneratedReport report, Noise noise, Scan scan, long seed) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (BufferedImage image : pages(report, noise, scan, seed)) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                PDImageXObject xobject = JPEGFactory.createFromByteArray(document, jpeg(image, scan));
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(xobject, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the scanned PDF of " + report.identity().title(), e);
        }
    }

    /** One page as a JPEG file of the scan's quality, its resolution in the JFIF header. */
    public byte[] jpeg(BufferedImage page, Scan scan) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream();
                ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(scan.jpegQuality() / 100f);
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(page),
                    param);
            IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_jpeg_image_1.0");
            IIOMetadataNode jfif = (IIOMetadataNode) root.getElementsByTagName("app0JFIF").item(0);
            if (jfif != null) {
                jfif.setAttribute("resUnits", "1");
                jfif.setAttribute("Xdensity", Integer.toString(scan.dpi()));
                jfif.setAttribute("Ydensity", Integer.toString(scan.dpi()));
                metadata.setFromTree("javax_imageio_jpeg_image_1.0", root);
            }
            writer.write(null, new IIOImage(page, null, metadata), param);
            stream.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a JPEG page", e);
        } finally {
            writer.dispose();
        }
    }

    /** The pages as one multi-page TIFF (Deflate), each page's resolution in its tags, as a scanner's TIFF mode. */
    public byte[] tiff(List<BufferedImage> pages, int dpi) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream();
                ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("Deflate");
            writer.prepareWriteSequence(null);
            for (BufferedImage page : pages) {
                IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(page),
                        param);
                IIOMetadataNode root = new IIOMetadataNode("javax_imageio_1.0");
                IIOMetadataNode dimension = new IIOMetadataNode("Dimension");
                for (String name : List.of("HorizontalPixelSize", "VerticalPixelSize")) {
                    IIOMetadataNode size = new IIOMetadataNode(name);
                    size.setAttribute("value", Float.toString(25.4f / dpi));
                    dimension.appendChild(size);
                }
                root.appendChild(dimension);
                metadata.mergeTree("javax_imageio_1.0", root);
                writer.writeToSequence(new IIOImage(page, null, metadata), param);
            }
            writer.endWriteSequence();
            stream.flush();
            return out.toByteArray();
        } catch (IIOInvalidTreeException e) {
            throw new IllegalStateException("Cannot set the TIFF resolution", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a TIFF", e);
        } finally {
            writer.dispose();
        }
    }

    /**
     * The CJK font: {@code -Dscan.font=FILE} or the first of {@link #FONT_FILES} present; a clear error naming the
     * package to install when there is none.
     */
    static synchronized Font font() {
        if (baseFont != null) {
            return baseFont;
        }
        List<String> candidates = new ArrayList<>();
        String configured = System.getProperty("scan.font");
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured);
        }
        candidates.addAll(FONT_FILES);
        for (String candidate : candidates) {
            File file = new File(candidate);
            if (!file.isFile()) {
                continue;
            }
            try {
                Font[] fonts = Font.createFonts(file);
                if (fonts.length > 0 && fonts[0].canDisplay('政')) {
                    baseFont = fonts[0];
                    return baseFont;
                }
            } catch (java.awt.FontFormatException | IOException e) {
                // try the next candidate
            }
        }
        throw new IllegalStateException("No CJK font to draw scanned reports with: install fonts-wqy-microhei or "
                + "fonts-noto-cjk (scripts/install-system-deps.sh --test does) or name a .ttf/.ttc file with "
                + "-Dscan.font=FILE; looked for " + candidates);
    }

    /** One thing drawn on a page, in points from the top-left corner. */
    private sealed interface Draw permits Text, Rule {
    }

    private record Text(float x, float baseline, float size, String text) implements Draw {
    }

    private record Rule(float x1, float y1, float x2, float y2) implements Draw {
    }

    /** Lays the report out on A4 pages: paragraphs wrapped to the width, tables split between rows. */
    private static final class Layout {

        private final GeneratedReport report;
        private final LabelStyler styler;
        private final TableLayouts layouts;
        private final List<List<Draw>> pages = new ArrayList<>();
        private final FontMetrics bodyMetrics;
        private List<Draw> page;
        private float y;

        Layout(GeneratedReport report, Noise noise) {
            this.report = report;
            this.styler = new LabelStyler(report, noise);
            this.layouts = new TableLayouts(report, styler);
            BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = scratch.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            this.bodyMetrics = g.getFontMetrics(font().deriveFont(100f));
            g.dispose();
        }

        List<List<Draw>> pages() {
            newPage();
            if (!styler.has(NoiseKind.MISSING_TITLE)) {
                centred(DocumentText.title(report, styler), 16f);
                y += 10;
            }
            paragraph(DocumentText.preamble(report), BODY, true);
            for (Part part : report.parts()) {
                paragraph(DocumentText.heading(part, styler), 12f, false);
                for (Block block : part.blocks()) {
                    if (block instanceof Paragraph p) {
                        paragraph(p.text(), BODY, !p.subheading());
                    } else if (block instanceof TableBlock t) {
                        table(layouts.table(t.table()));
                    }
                }
            }
            paragraph(report.identity().agency(), BODY, false, PAGE_WIDTH - MARGIN_X - 12 * BODY);
            return pages;
        }

        private void newPage() {
            page = new ArrayList<>();
            pages.add(page);
            y = MARGIN_TOP;
        }

        private float width(String text, float size) {
            return bodyMetrics.stringWidth(text) * size / 100f;
        }

        private void centred(String text, float size) {
            float lineHeight = size * 1.6f;
            for (String line : wrap(text, size, PAGE_WIDTH - 2 * MARGIN_X)) {
                room(lineHeight);
                page.add(new Text((PAGE_WIDTH - width(line, size)) / 2, y + size, size, line));
                y += lineHeight;
            }
        }

        private void paragraph(String text, float size, boolean indent) {
            paragraph(text, size, indent, MARGIN_X);
        }

        private void paragraph(String text, float size, boolean indent, float left) {
            float lineHeight = size * 1.6f;
            String first = indent ? "\u3000\u3000" + text : text;
            for (String line : wrap(first, size, PAGE_WIDTH - MARGIN_X - left)) {
                room(lineHeight);
                page.add(new Text(left, y + size, size, line));
                y += lineHeight;
            }
            y += size * 0.3f;
        }

        private void room(float height) {
            if (y + height > PAGE_HEIGHT - MARGIN_BOTTOM) {
                newPage();
            }
        }

        /** The text broken into lines no wider than {@code width}, at character boundaries (Chinese wraps anywhere). */
        private List<String> wrap(String text, float size, float width) {
            List<String> lines = new ArrayList<>();
            for (String hard : text.split("\n", -1)) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < hard.length();) {
                    int cp = hard.codePointAt(i);
                    String ch = new String(Character.toChars(cp));
                    if (line.length() > 0 && width(line + ch, size) > width) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    line.append(ch);
                    i += Character.charCount(cp);
                }
                lines.add(line.toString());
            }
            return lines;
        }

        private void table(SpanTable table) {
            float[] columns = columnWidths(table.width());
            List<List<SpanTable.Slot>> grid = table.expand();
            int rows = grid.size();
            float lineHeight = TABLE * 1.35f;
            float[] heights = new float[rows];
            // rows of single-row cells first, then spanning cells stretch the rows they cover
            for (int pass = 0; pass < 2; pass++) {
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < table.width(); c++) {
                        SpanTable.Slot slot = grid.get(r).get(c);
                        if (slot.covered() || (pass == 0) != (slot.rowspan() == 1)) {
                            continue;
                        }
                        float w = 0;
                        for (int k = c; k < c + slot.colspan(); k++) {
                            w += columns[k];
                        }
                        float needed = wrap(slot.text(), TABLE, w - 2 * CELL_PADDING).size() * lineHeight
                                + 2 * CELL_PADDING + 2;
                        float have = 0;
                        for (int k = r; k < r + slot.rowspan(); k++) {
                            have += heights[k];
                        }
                        if (needed > have) {
                            heights[r + slot.rowspan() - 1] += needed - have;
                        }
                    }
                }
            }
            // page breaks only where no spanning cell crosses, unless a group is taller than a page
            float[] top = new float[rows];
            int[] pageOf = new int[rows];
            int r = 0;
            y += 4;
            float total = 0;
            for (float h : heights) {
                total += h;
            }
            if (rows <= SMALL_TABLE_ROWS && y + total > PAGE_HEIGHT - MARGIN_BOTTOM) {
                newPage(); // a small table is kept on one page, as a typist would
            }
            while (r < rows) {
                int end = r + 1;
                for (int k = r; k < end; k++) {
                    for (SpanTable.Slot slot : grid.get(k)) {
                        if (!slot.covered()) {
                            end = Math.max(end, k + slot.rowspan());
                        }
                    }
                }
                float groupHeight = 0;
                for (int k = r; k < end; k++) {
                    groupHeight += heights[k];
                }
                float usable = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM;
                if (y + groupHeight > PAGE_HEIGHT - MARGIN_BOTTOM && groupHeight <= usable) {
                    newPage();
                }
                for (int k = r; k < end; k++) {
                    if (y + heights[k] > PAGE_HEIGHT - MARGIN_BOTTOM) {
                        newPage();
                    }
                    top[k] = y;
                    pageOf[k] = pages.size() - 1;
                    y += heights[k];
                }
                r = end;
            }
            for (int row = 0; row < rows; row++) {
                float x = MARGIN_X;
                for (int c = 0; c < table.width(); c++) {
                    SpanTable.Slot slot = grid.get(row).get(c);
                    if (!slot.covered()) {
                        drawCell(slot, row, x, columns, c, top, heights, pageOf);
                    }
                    x += columns[c];
                }
            }
            y += 8;
        }

        private void drawCell(SpanTable.Slot slot, int row, float x, float[] columns, int column, float[] top,
                float[] heights, int[] pageOf) {
            float w = 0;
            for (int k = column; k < column + slot.colspan(); k++) {
                w += columns[k];
            }
            int k = row;
            boolean first = true;
            while (k < row + slot.rowspan()) {
                int onPage = pageOf[k];
                float pieceTop = top[k];
                float pieceBottom = top[k] + heights[k];
                int next = k + 1;
                while (next < row + slot.rowspan() && pageOf[next] == onPage) {
                    pieceBottom = top[next] + heights[next];
                    next++;
                }
                List<Draw> target = pages.get(onPage);
                target.add(new Rule(x, pieceTop, x + w, pieceTop));
                target.add(new Rule(x, pieceBottom, x + w, pieceBottom));
                target.add(new Rule(x, pieceTop, x, pieceBottom));
                target.add(new Rule(x + w, pieceTop, x + w, pieceBottom));
                if (first && !slot.text().isEmpty()) {
                    List<String> lines = wrap(slot.text(), TABLE, w - 2 * CELL_PADDING);
                    float lineHeight = TABLE * 1.35f;
                    float textTop = pieceTop + (pieceBottom - pieceTop - lines.size() * lineHeight) / 2;
                    for (int i = 0; i < lines.size(); i++) {
                        target.add(new Text(x + CELL_PADDING, textTop + i * lineHeight + TABLE * 1.05f, TABLE,
                                lines.get(i)));
                    }
                }
                first = false;
                k = next;
            }
        }

        /** Column widths in points: wide label columns for T2 and T3, even columns for T4. */
        private static float[] columnWidths(int columns) {
            float total = PAGE_WIDTH - 2 * MARGIN_X;
            float[] widths = new float[columns];
            if (columns == 10) {
                float[] labels = {62, 58, 72};
                float rest = (total - 192) / 7;
                for (int c = 0; c < columns; c++) {
                    widths[c] = c < 3 ? labels[c] : rest;
                }
            } else if (columns == 4) {
                widths[0] = 130;
                for (int c = 1; c < 4; c++) {
                    widths[c] = (total - 130) / 3;
                }
            } else {
                for (int c = 0; c < columns; c++) {
                    widths[c] = total / columns;
                }
            }
            return widths;
        }
    }

    /** Draws one laid-out page at a resolution, black on white. */
    private static BufferedImage draw(List<Draw> page, int dpi) {
        float scale = dpi / 72f;
        int width = Math.round(PAGE_WIDTH * scale);
        int height = Math.round(PAGE_HEIGHT * scale);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.scale(scale, scale);
            g.setColor(new Color(20, 20, 20));
            g.setStroke(new BasicStroke(0.75f));
            for (Draw draw : page) {
                if (draw instanceof Text t) {
                    g.setFont(font().deriveFont(t.size()));
                    g.drawString(t.text(), t.x(), t.baseline());
                } else if (draw instanceof Rule r) {
                    g.draw(new java.awt.geom.Line2D.Float(r.x1(), r.y1(), r.x2(), r.y2()));
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The scanner's marks on a page: seal, rotation, blur, noise, then grey or colour. */
    private static BufferedImage degrade(BufferedImage page, Scan scan, Random random, boolean seal, String agency) {
        int width = page.getWidth();
        int height = page.getHeight();
        if (seal) {
            stamp(page, scan.dpi(), agency, random);
        }
        BufferedImage turned = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = turned.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            double angle = (random.nextDouble() * 2 - 1) * scan.maxRotationDegrees();
            g.drawImage(page, AffineTransform.getRotateInstance(Math.toRadians(angle), width / 2.0, height / 2.0),
                    null);
        } finally {
            g.dispose();
        }
        BufferedImage blurred = scan.blur() > 0 ? blur(turned, scan.blur()) : turned;
        BufferedImage out = new BufferedImage(width, height,
                scan.colour() ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            blurred.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int rgb = row[x];
                double n = random.nextGaussian() * scan.noise();
                // paper is never quite white: a slight warm tint in colour
                int r = clamp(((rgb >> 16) & 0xff) - 2 + n);
                int gr = clamp(((rgb >> 8) & 0xff) - 4 + n);
                int b = clamp((rgb & 0xff) - 10 + n);
                row[x] = (r << 16) | (gr << 8) | b;
            }
            if (scan.colour()) {
                out.setRGB(0, y, width, 1, row, 0, width);
            } else {
                int[] grey = new int[width];
                for (int x = 0; x < width; x++) {
                    int rgb = row[x];
                    grey[x] = (((rgb >> 16) & 0xff) * 299 + ((rgb >> 8) & 0xff) * 587 + (rgb & 0xff) * 114) / 1000;
                }
                out.getRaster().setSamples(0, y, width, 1, 0, grey);
            }
        }
        return out;
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }

    private static BufferedImage blur(BufferedImage image, double radius) {
        int size = Math.max(3, (int) Math.ceil(radius * 3) * 2 + 1);
        float[] kernel = new float[size * size];
        double sigma = radius;
        double sum = 0;
        int half = size / 2;
        for (int y = -half; y <= half; y++) {
            for (int x = -half; x <= half; x++) {
                double v = Math.exp(-(x * x + y * y) / (2 * sigma * sigma));
                kernel[(y + half) * size + x + half] = (float) v;
                sum += v;
            }
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= (float) sum;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        new ConvolveOp(new Kernel(size, size, kernel), ConvolveOp.EDGE_NO_OP, null).filter(image, out);
        return out;
    }

    /** A round red seal (ring, star, the agency's name along the top) over the end of the report, as offices stamp. */
    private static void stamp(BufferedImage page, int dpi, String agency, Random random) {
        Graphics2D g = page.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            float scale = dpi / 72f;
            g.scale(scale, scale);
            float radius = 60f;
            float cx = PAGE_WIDTH - MARGIN_X - 90 + (float) random.nextGaussian() * 10;
            float cy = lastTextBottom(page, scale) - 10 + (float) random.nextGaussian() * 6;
            g.setComposite(java.awt.AlphaComposite.getInstance(java.awt.AlphaComposite.SRC_OVER, 0.8f));
            Color red = new Color(220, 30 + random.nextInt(30), 40 + random.nextInt(30));
            g.setColor(red);
            g.setStroke(new BasicStroke(3f));
            g.draw(new Ellipse2D.Float(cx - radius, cy - radius, 2 * radius, 2 * radius));
            Path2D star = new Path2D.Float();
            for (int i = 0; i < 10; i++) {
                double a = Math.PI / 2 + i * Math.PI / 5;
                double rr = i % 2 == 0 ? 16 : 6.5;
                double px = cx + rr * Math.cos(a);
                double py = cy - rr * Math.sin(a);
                if (i == 0) {
                    star.moveTo(px, py);
                } else {
                    star.lineTo(px, py);
                }
            }
            star.closePath();
            g.fill(star);
            Font font = font().deriveFont(11f);
            g.setFont(font);
            int n = agency.codePointCount(0, agency.length());
            double span = Math.toRadians(220);
            int i = 0;
            for (int offset = 0; offset < agency.length(); i++) {
                int cp = agency.codePointAt(offset);
                double a = Math.PI / 2 + span / 2 - (n == 1 ? span / 2 : span * i / (n - 1));
                AffineTransform saved = g.getTransform();
                g.translate(cx + (radius - 15) * Math.cos(a), cy - (radius - 15) * Math.sin(a));
                g.rotate(Math.PI / 2 - a);
                g.drawString(new String(Character.toChars(cp)), -5.5f, 4f);
                g.setTransform(saved);
                offset += Character.charCount(cp);
            }
        } finally {
            g.dispose();
        }
    }

    /** The bottom (points) of the lowest dark pixel row on the page: where the report's text ends. */
    private static float lastTextBottom(BufferedImage page, float scale) {
        int[] row = new int[page.getWidth()];
        for (int y = page.getHeight() - 1; y >= 0; y--) {
            page.getRGB(0, y, page.getWidth(), 1, row, 0, page.getWidth());
            for (int rgb : row) {
                if ((rgb & 0xff) < 128) {
                    return y / scale;
                }
            }
        }
        return PAGE_HEIGHT / 2;
    }
}
