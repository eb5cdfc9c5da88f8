package io.annualreport.extraction;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;

import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.document.TextLine;
import io.annualreport.model.event.FailureReason;
import io.annualreport.model.report.Extraction;
import io.annualreport.model.report.ExtractionMethod;
import io.annualreport.model.report.PageExtraction;

/**
 * The text extractor of parse-service: detects the type from the content (Tika), routes PDFs to PDFBox with per-page
 * OCR, DOCX, DOC and spreadsheets (XLS, ET, XLSX) to POI (merged cells kept), HTML to Tika's XHTML, text by its
 * encoding and images to OCR, all on a worker thread bounded by the document budget; the parsers check the budget as
 * they go ({@link Interruption}), so a timed-out document frees its thread. Thread-safe; create one per service.
 */
public final class TikaTextExtractor implements TextExtractor {

    /** More characters than this is not an annual report. */
    static final int MAX_CHARACTERS = 5_000_000;
    /** An uploaded image (or one page of a TIFF) larger than this is refused. */
    private static final long MAX_IMAGE_PIXELS = 100_000_000L;

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "text-extraction-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private final ExecutorService workers;
    private final ExtractionLimits limits;
    private final OcrEngine ocr;
    private final AutoDetectParser parser = parser();
    private final PdfExtractor pdf;
    private final MarkupExtractor markup;
    private final DocxExtractor docx = new DocxExtractor(MAX_CHARACTERS);
    private final DocExtractor doc = new DocExtractor(MAX_CHARACTERS);
    private final SpreadsheetExtractor spreadsheet = new SpreadsheetExtractor(MAX_CHARACTERS);
    private final PlainTextExtractor plain = new PlainTextExtractor();

    /** Default limits, {@link ScanOcr} with Tesseract from the PATH. */
    public TikaTextExtractor() {
        this(ExtractionLimits.DEFAULT);
    }

    public TikaTextExtractor(ExtractionLimits limits) {
        this(limits, new ScanOcr());
    }

    public TikaTextExtractor(ExtractionLimits limits, OcrEngine ocr) {
        this(limits, ocr, WORKERS);
    }

    /** With the given worker threads, for tests that watch them. */
    TikaTextExtractor(ExtractionLimits limits, OcrEngine ocr, ExecutorService workers) {
        this.workers = workers;
        this.limits = limits;
        this.ocr = ocr;
        this.pdf = new PdfExtractor(limits, ocr);
        this.markup = new MarkupExtractor(parser, MAX_CHARACTERS);
    }

    private static AutoDetectParser parser() {
        AutoDetectParser parser = new AutoDetectParser();
        AutoDetectParserConfig config = new AutoDetectParserConfig();
        // Tika's default of 100 levels is too tight for pages full of unclosed tags; jsoup flattens past 512.
        config.setMaximumDepth(MarkupExtractor.MAX_DEPTH);
        parser.setAutoDetectParserConfig(config);
        return parser;
    }

    @Override
    public ExtractedDocument extract(Path file, String fileName, String declaredMediaType)
            throws ExtractionException {
        long started = System.nanoTime();
        checkSize(file);
        long deadline = started + limits.documentBudget().toNanos();
        Future<ExtractedDocument> work = workers.submit(() -> {
            Interruption.startBudget(deadline);
            try {
                return extractNow(file, fileName, started);
            } finally {
                Interruption.endBudget();
            }
        });
        try {
            return work.get(limits.documentBudget().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            work.cancel(true);
            throw new ExtractionException(FailureReason.TIMEOUT,
                    "extraction took longer than the budget of " + limits.documentBudget().toSeconds() + " s", e);
        } catch (InterruptedException e) {
            work.cancel(true);
            Thread.currentThread().interrupt();
            throw new ExtractionException(FailureReason.TIMEOUT, "extraction was interrupted", e);
        } catch (ExecutionException e) {
            throw Failures.classify(e.getCause(), "cannot read the file");
        }
    }

    private void checkSize(Path file) throws ExtractionException {
        try {
            long size = Files.size(file);
            if (size > limits.maxBytes()) {
                throw new ExtractionException(FailureReason.TOO_LARGE,
                        "the file has " + size + " bytes, more than the cap of " + limits.maxBytes());
            }
            if (size == 0) {
                throw new ExtractionException(FailureReason.NO_TEXT, "the file is empty");
            }
        } catch (IOException e) {
            throw ExtractionException.corrupt("cannot read the file: " + e.getMessage(), e);
        }
    }

    private ExtractedDocument extractNow(Path file, String fileName, long started) throws ExtractionException {
        MediaType type = detect(file, fileName);
        String base = type.getBaseType().toString();
        return switch (base) {
            case "application/pdf" -> pdf.extract(file, base, started);
            case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" ->
                docx.extract(file, base, started);
            case "application/msword" -> doc.extract(file, base, started);
            case "application/vnd.ms-excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" ->
                spreadsheet.extract(file, base, started);
            case "text/html", "application/xhtml+xml" -> markup.extract(file, fileName, base, started);
            case "text/plain", "text/x-web-markdown", "text/markdown" -> plain.extract(file, base, started);
            case "image/png", "image/jpeg", "image/tiff", "image/bmp", "image/gif" -> image(file, base, started);
            case "application/x-tika-ooxml-protected", "application/x-tika-msoffice-encrypted" ->
                throw new ExtractionException(FailureReason.ENCRYPTED, "the Office file is password protected");
            default -> throw unsupported(base, fileName);
        };
    }

    private MediaType detect(Path file, String fileName) throws ExtractionException {
        Metadata metadata = new Metadata();
        if (fileName != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        try (InputStream in = TikaInputStream.get(file, metadata)) {
            return parser.getDetector().detect(in, metadata);
        } catch (IOException e) {
            throw ExtractionException.corrupt("cannot read the file: " + e.getMessage(), e);
        }
    }

    private static ExtractionException unsupported(String type, String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".wps") || type.contains("works") || type.contains("wps")) {
            return new ExtractionException(FailureReason.UNSUPPORTED_TYPE, "this WPS file (" + type
                    + ") is not in the Word 97 layout and Apache Tika cannot read it; save it as DOCX or PDF");
        }
        if (name.endsWith(".et")) {
            return new ExtractionException(FailureReason.UNSUPPORTED_TYPE, "this ET file (" + type
                    + ") is not in the Excel layout and cannot be read; save it as XLSX, XLS or PDF");
        }
        return new ExtractionException(FailureReason.UNSUPPORTED_TYPE, "files of type " + type
                + " are not read; submit PDF, DOCX, DOC, a spreadsheet (XLS, ET, XLSX), HTML, TXT, Markdown or an"
                + " image");
    }

    private ExtractedDocument image(Path file, String mediaType, long started) throws ExtractionException {
        List<TextLine> lines = new ArrayList<>();
        List<PageExtraction> pages = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw ExtractionException.corrupt("cannot decode the image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, false);
                for (int index = 0;; index++) {
                    Interruption.check();
                    if (index >= limits.maxPages()) {
                        throw new ExtractionException(FailureReason.TOO_LARGE,
                                "the image has more pages than the cap of " + limits.maxPages());
                    }
                    int width;
                    int height;
                    try {
                        width = reader.getWidth(index);
                        height = reader.getHeight(index);
                    } catch (IndexOutOfBoundsException e) {
                        break;
                    }
                    if ((long) width * height > MAX_IMAGE_PIXELS) {
                        throw new ExtractionException(FailureReason.TOO_LARGE,
                                "the image has " + width + "x" + height + " pixels");
                    }
                    float dpi = ImageResolution.dpi(reader, index, width, height);
                    BufferedImage image = reader.read(index);
                    ScanPreparation.Prepared prepared = ScanPreparation.prepare(image, dpi);
                    image = null;
                    RulingEraser.Erased erased = RulingEraser.erase(prepared);
                    int page = index + 1;
                    List<TextLine> pageLines = RowAssembler.assembleOcr(page,
                            ocr.read(erased.image(), prepared.dpi(), limits.ocrPageBudget(), erased.cells()),
                            erased.rulings());
                    lines.addAll(pageLines);
                    int characters = pageLines.stream().mapToInt(l -> l.text().length()).sum();
                    pages.add(new PageExtraction(page, ExtractionMethod.OCR, characters));
                    warnings.add("page " + page + ": image read by OCR (" + prepared.describe() + ")");
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof Interruption.Cancelled cancelled) {
                throw cancelled;
            }
            if (pages.isEmpty()) {
                throw ExtractionException.corrupt("cannot read the image: " + e.getMessage(), e);
            }
            warnings.add(PdfExtractor.DAMAGED_FILE + "共读出 " + pages.size() + " 页，其后的图像无法读取（" + e.getMessage()
                    + "）");
        }
        if (pages.isEmpty()) {
            throw ExtractionException.corrupt("cannot decode the image");
        }
        StringBuilder text = new StringBuilder();
        lines.forEach(l -> text.append(l.text()).append('\n'));
        if (text.toString().isBlank()) {
            throw new ExtractionException(FailureReason.NO_TEXT, "no text in the image, not even by OCR");
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        Extraction extraction = new Extraction(mediaType, ExtractionMethod.OCR, pages.size(), text.length(), millis,
                List.copyOf(pages), List.copyOf(warnings));
        return new ExtractedDocument(text.toString(), List.copyOf(lines), List.of(), extraction);
    }
}
