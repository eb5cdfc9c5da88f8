package io.annualreport.extraction;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.document.TextLine;
import io.annualreport.model.event.FailureReason;
import io.annualreport.model.report.Extraction;
import io.annualreport.model.report.ExtractionMethod;
import io.annualreport.model.report.PageExtraction;

/**
 * PDF extraction with PDFBox: the text layer of every page as visual rows with x positions, and OCR of just the pages
 * whose text layer is empty or garbled.
 */
final class PdfExtractor {

    /** Resolution pages are rendered at for OCR. */
    static final float OCR_DPI = 300f;
    /** A grey page image above this many pixels (an A4 page at 300 dpi has 8.7 million) is rendered smaller. */
    static final double MAX_OCR_PIXELS = 12_000_000d;
    /** The prefix of a reading warning about the file itself. */
    static final String DAMAGED_FILE = "DAMAGED_FILE: ";
    /** Bytes at the end of a file searched for the trailer; writers may append a little after {@code %%EOF}. */
    private static final int TRAILER_WINDOW = 2048;

    private final ExtractionLimits limits;
    private final OcrEngine ocr;

    PdfExtractor(ExtractionLimits limits, OcrEngine ocr) {
        this.limits = limits;
        this.ocr = ocr;
    }

    ExtractedDocument extract(Path file, String mediaType, long started) throws ExtractionException {
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            int pageCount = document.getNumberOfPages();
            if (pageCount == 0) {
                throw ExtractionException.corrupt("the PDF has no readable pages");
            }
            if (pageCount > limits.maxPages()) {
                throw new ExtractionException(FailureReason.TOO_LARGE,
                        "the PDF has " + pageCount + " pages, more than the cap of " + limits.maxPages());
            }
            List<String> damage = new ArrayList<>();
            if (!endsWithTrailer(file)) {
                damage.add(DAMAGED_FILE + "文件不完整或已损坏：PDF 缺少文件尾（%%EOF），可能下载不完整，已尽量读出可读的页面");
            }
            LayoutStripper stripper = new LayoutStripper(Interruption::check);
            try {
                stripper.writeText(document, Writer.nullWriter());
            } catch (IOException e) {
                if (stripper.pages().isEmpty()) {
                    throw e;
                }
                damage.add(DAMAGED_FILE + "文件不完整或已损坏：第 " + (stripper.pages().size() + 1) + " 页起无法读取（"
                        + e.getMessage() + "），只读出前 " + stripper.pages().size() + " 页");
            }
            if (!damage.isEmpty() && stripper.pages().size() < pageCount
                    && damage.stream().noneMatch(d -> d.contains("只读出"))) {
                damage.add(DAMAGED_FILE + "共 " + pageCount + " 页，只读出 " + stripper.pages().size() + " 页");
            }
            return assemble(document, stripper.pages(), mediaType, started, damage);
        } catch (InvalidPasswordException e) {
            throw new ExtractionException(FailureReason.ENCRYPTED, "the PDF is password protected", e);
        } catch (IOException e) {
            throw ExtractionException.corrupt("cannot read the PDF: " + e.getMessage(), e);
        }
    }

    /** Whether the file ends with a PDF trailer ({@code %%EOF} in its last bytes), as a file not cut short does. */
    static boolean endsWithTrailer(Path file) throws IOException {
        try (var channel = java.nio.channels.FileChannel.open(file)) {
            long size = channel.size();
            int tail = (int) Math.min(size, TRAILER_WINDOW);
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(tail);
            channel.position(size - tail);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // read the whole window
            }
            String end = new String(buffer.array(), 0, buffer.position(), java.nio.charset.StandardCharsets.ISO_8859_1);
            return end.contains("%%EOF");
        }
    }

    private ExtractedDocument assemble(PDDocument document, List<LayoutStripper.PageGlyphs> pages, String mediaType,
            long started, List<String> damage) throws ExtractionException, IOException {
        List<TextLine> lines = new ArrayList<>();
        List<PageExtraction> pageMethods = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        PDFRenderer renderer = null;
        int ocrPages = 0;
        for (LayoutStripper.PageGlyphs page : pages) {
            Interruption.check();
            PDPage pdPage = document.getPage(page.page() - 1);
            String reason = TextLayerQuality.needsOcr(page.glyphs(), page.glyphsDrawn(), hasImages(pdPage));
            List<TextLine> pageLines;
            ExtractionMethod method;
            if (reason == null) {
                pageLines = RowAssembler.assemble(page.page(), page.glyphs(), page.rulings());
                method = ExtractionMethod.TEXT_LAYER;
            } else if (!damage.isEmpty()) {
                // in a damaged file an unusable text layer is what the damage took (fonts, streams): nothing to OCR
                pageLines = List.of();
                method = ExtractionMethod.TEXT_LAYER;
                damage.add(DAMAGED_FILE + "第 " + page.page() + " 页的文字无法读取（" + reason + "），该页内容在受损部分");
            } else {
                if (!ocr.available()) {
                    throw new ExtractionException(FailureReason.OCR_UNAVAILABLE, "page " + page.page() + " needs OCR ("
                            + reason + ") but '" + ocr.describe() + "' cannot run here; install tesseract-ocr and "
                            + "tesseract-ocr-chi-sim");
                }
                if (renderer == null) {
                    renderer = new PDFRenderer(document);
                }
                ScanPreparation.Prepared prepared = prepareForOcr(renderer, pdPage, page.page() - 1);
                RulingEraser.Erased erased = RulingEraser.erase(prepared);
                Interruption.check();
                pageLines = RowAssembler.assembleOcr(page.page(), ocr.read(erased.image(), prepared.dpi(),
                        limits.ocrPageBudget(), erased.cells()), erased.rulings());
                method = ExtractionMethod.OCR;
                ocrPages++;
                float scanDpi = scanDpi(pdPage);
                warnings.add("page " + page.page() + ": " + reason + "; read by OCR (scan "
                        + (scanDpi > 0 ? Math.round(scanDpi) + " dpi, " : "") + "page rendered at "
                        + prepared.describe() + ")");
            }
            int characters = pageLines.stream().mapToInt(l -> l.text().length()).sum();
            pageMethods.add(new PageExtraction(page.page(), method, characters));
            lines.addAll(pageLines);
        }
        StringBuilder text = new StringBuilder();
        for (TextLine line : lines) {
            text.append(line.text()).append('\n');
        }
        if (text.toString().isBlank()) {
            if (!damage.isEmpty()) {
                throw ExtractionException.corrupt("no text in the part of the PDF that could be read; " + damage);
            }
            throw new ExtractionException(FailureReason.NO_TEXT,
                    ocrPages > 0 ? "no text in the PDF, not even by OCR" : "no text in the PDF");
        }
        ExtractionMethod overall = ocrPages * 2 > pages.size() ? ExtractionMethod.OCR : ExtractionMethod.TEXT_LAYER;
        long millis = (System.nanoTime() - started) / 1_000_000;
        warnings.addAll(damage);
        Extraction extraction = new Extraction(mediaType, overall, pages.size(), text.length(), millis,
                List.copyOf(pageMethods), List.copyOf(warnings));
        return new ExtractedDocument(text.toString(), List.copyOf(lines), List.of(), extraction, damage);
    }

    /** The page rendered for OCR and prepared ({@link ScanPreparation}). */
    static ScanPreparation.Prepared prepareForOcr(PDFRenderer renderer, PDPage page, int index) throws IOException {
        Rendered rendered = renderForOcr(renderer, page, index);
        return ScanPreparation.prepare(rendered.image(), rendered.dpi());
    }

    /** A page image rendered for OCR and its resolution. */
    record Rendered(BufferedImage image, float dpi) {
    }

    /** The page rendered for OCR: in colour (red seals are removed by colour), at {@link #ocrDpi}. */
    static Rendered renderForOcr(PDFRenderer renderer, PDPage page, int index) throws IOException {
        float dpi = ocrDpi(page);
        return new Rendered(renderer.renderImageWithDPI(index, dpi, ImageType.RGB), dpi);
    }

    /** 300 dpi, less for pages so large that the rendered image would pass {@link #MAX_OCR_PIXELS}. */
    static float ocrDpi(PDPage page) {
        PDRectangle box = page.getCropBox();
        double squareInches = (box.getWidth() / 72.0) * (box.getHeight() / 72.0);
        if (squareInches <= 0) {
            return OCR_DPI;
        }
        return (float) Math.min(OCR_DPI, Math.sqrt(MAX_OCR_PIXELS / squareInches));
    }

    /**
     * The resolution of the largest image drawn on the page, taken as filling the page (a scan wrapped as a PDF):
     * its pixels across the page's width in inches; 0 when the page draws no image.
     */
    static float scanDpi(PDPage page) {
        PDRectangle box = page.getCropBox();
        PDResources resources = page.getResources();
        if (resources == null || box.getWidth() <= 0 || box.getHeight() <= 0) {
            return 0;
        }
        int widest = 0;
        int tallest = 0;
        for (COSName name : resources.getXObjectNames()) {
            try {
                if (resources.getXObject(name) instanceof PDImageXObject image
                        && (long) image.getWidth() * image.getHeight() > (long) widest * tallest) {
                    widest = image.getWidth();
                    tallest = image.getHeight();
                }
            } catch (IOException e) {
                // a broken image counts as none
            }
        }
        if (widest == 0) {
            return 0;
        }
        boolean turned = (widest > tallest) != (box.getWidth() > box.getHeight());
        float inches = (turned ? box.getHeight() : box.getWidth()) / 72f;
        return widest / inches;
    }

    private static boolean hasImages(PDPage page) {
        return hasImages(page.getResources(), 0);
    }

    private static boolean hasImages(PDResources resources, int depth) {
        if (resources == null || depth > 3) {
            return false;
        }
        for (COSName name : resources.getXObjectNames()) {
            try {
                PDXObject object = resources.getXObject(name);
                if (object instanceof PDImageXObject) {
                    return true;
                }
                if (object instanceof PDFormXObject form && hasImages(form.getResources(), depth + 1)) {
                    return true;
                }
            } catch (IOException e) {
                // a broken image counts as none
            }
        }
        return false;
    }
}
