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
                throw new ExtractionException(FailureReason.CORRUPT, "the PDF has no readable pages");
            }
            if (pageCount > limits.maxPages()) {
                throw new ExtractionException(FailureReason.TOO_LARGE,
                        "the PDF has " + pageCount + " pages, more than the cap of " + limits.maxPages());
            }
            LayoutStripper stripper = new LayoutStripper(Interruption::check);
            stripper.writeText(document, Writer.nullWriter());
            return assemble(document, stripper.pages(), mediaType, started);
        } catch (InvalidPasswordException e) {
            throw new ExtractionException(FailureReason.ENCRYPTED, "the PDF is password protected", e);
        } catch (IOException e) {
            throw new ExtractionException(FailureReason.CORRUPT, "cannot read the PDF: " + e.getMessage(), e);
        }
    }

    private ExtractedDocument assemble(PDDocument document, List<LayoutStripper.PageGlyphs> pages, String mediaType,
            long started) throws ExtractionException, IOException {
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
            } else {
                if (!ocr.available()) {
                    throw new ExtractionException(FailureReason.OCR_UNAVAILABLE, "page " + page.page() + " needs OCR ("
                            + reason + ") but '" + ocr.describe() + "' cannot run here; install tesseract-ocr and "
                            + "tesseract-ocr-chi-sim");
                }
                if (renderer == null) {
                    renderer = new PDFRenderer(document);
                }
                float dpi = ocrDpi(pdPage);
                BufferedImage image = renderer.renderImageWithDPI(page.page() - 1, dpi, ImageType.GRAY);
                RulingEraser.Erased erased = RulingEraser.erase(image, dpi);
                Interruption.check();
                pageLines = RowAssembler.assembleOcr(page.page(),
                        ocr.read(erased.image(), dpi, limits.ocrPageBudget(), erased.cells()), erased.rulings());
                method = ExtractionMethod.OCR;
                ocrPages++;
                warnings.add("page " + page.page() + ": " + reason + "; read by OCR");
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
            throw new ExtractionException(FailureReason.NO_TEXT,
                    ocrPages > 0 ? "no text in the PDF, not even by OCR" : "no text in the PDF");
        }
        ExtractionMethod overall = ocrPages * 2 > pages.size() ? ExtractionMethod.OCR : ExtractionMethod.TEXT_LAYER;
        long millis = (System.nanoTime() - started) / 1_000_000;
        Extraction extraction = new Extraction(mediaType, overall, pages.size(), text.length(), millis,
                List.copyOf(pageMethods), List.copyOf(warnings));
        return new ExtractedDocument(text.toString(), List.copyOf(lines), List.of(), extraction);
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
