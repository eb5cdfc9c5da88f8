package io.annualreport.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.html.HtmlMapper;
import org.apache.tika.parser.html.IdentityHtmlMapper;
import org.xml.sax.SAXException;

import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.event.FailureReason;
import io.annualreport.model.report.Extraction;
import io.annualreport.model.report.ExtractionMethod;

/**
 * HTML through Tika's XHTML: paragraphs and table rows as lines, tables with rowspan and colspan expanded (the span
 * attributes survive through Tika's identity mapper), the charset declared or else detected for Chinese pages.
 */
final class MarkupExtractor {

    /** Deeper element nesting than this is treated as a hostile file. */
    static final int MAX_DEPTH = 256;

    private final Parser parser;
    private final int maxCharacters;

    MarkupExtractor(Parser parser, int maxCharacters) {
        this.parser = parser;
        this.maxCharacters = maxCharacters;
    }

    ExtractedDocument extract(Path file, String fileName, String mediaType, long started) throws ExtractionException {
        try (InputStream in = Files.newInputStream(file)) {
            ExtractedDocument document = extract(in, fileName, mediaType, started);
            if (cutShort(file)) {
                return new ExtractedDocument(document.text(), document.lines(), document.tables(),
                        document.extraction(), List.of(PdfExtractor.DAMAGED_FILE
                                + "文件不完整或已损坏：网页以 <html> 开始，却没有结束标记 </html>，可能保存或下载不完整"));
            }
            return document;
        } catch (IOException e) {
            throw ExtractionException.corrupt("cannot read the file: " + e.getMessage(), e);
        }
    }

    /**
     * Whether a page that opens with {@code <html} lacks the closing {@code </html>}: a page saved or downloaded only
     * in part. (The file's first and last bytes are searched in ASCII, which every charset of these pages keeps.)
     */
    static boolean cutShort(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), java.nio.charset.StandardCharsets.ISO_8859_1)
                .toLowerCase(java.util.Locale.ROOT);
        int tailFrom = Math.max(0, bytes.length - 4096);
        String tail = new String(bytes, tailFrom, bytes.length - tailFrom, java.nio.charset.StandardCharsets.ISO_8859_1)
                .toLowerCase(java.util.Locale.ROOT);
        return head.contains("<html") && !tail.contains("</html>");
    }

    /** Extracts markup from a stream, which the caller closes. */
    ExtractedDocument extract(InputStream in, String fileName, String mediaType, long started)
            throws ExtractionException {
        Metadata metadata = new Metadata();
        if (fileName != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        metadata.set(Metadata.CONTENT_TYPE, mediaType);
        ParseContext context = new ParseContext();
        context.set(HtmlMapper.class, IdentityHtmlMapper.INSTANCE);
        context.set(EncodingDetector.class, new ChineseHtmlEncodingDetector());
        StructuredTextHandler handler = new StructuredTextHandler(MAX_DEPTH, maxCharacters);
        try {
            parser.parse(new DeadlineInputStream(in), handler, metadata, context);
        } catch (IOException | SAXException | TikaException | RuntimeException e) {
            if (e instanceof Interruption.Cancelled cancelled) {
                throw cancelled;
            }
            throw Failures.classify(e, "cannot read the file");
        }
        String text = handler.text();
        if (text.isBlank()) {
            throw new ExtractionException(FailureReason.NO_TEXT, "no text in the file");
        }
        String detected = metadata.get(Metadata.CONTENT_TYPE);
        long millis = (System.nanoTime() - started) / 1_000_000;
        Extraction extraction = new Extraction(detected == null ? mediaType : detected,
                ExtractionMethod.STRUCTURED_MARKUP, 1, text.length(), millis, List.of(), List.of());
        return new ExtractedDocument(text, List.of(), handler.tables(), extraction);
    }
}
