package io.annualreport.extraction;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.event.FailureReason;
import io.annualreport.model.report.Extraction;
import io.annualreport.model.report.ExtractionMethod;

/**
 * Plain text and Markdown: a byte-order mark decides UTF-8 or UTF-16; otherwise strict UTF-8, and GB18030 (a superset
 * of GBK and GB2312) when the bytes are not valid UTF-8.
 */
final class PlainTextExtractor {

    private static final Charset GB18030 = Charset.forName("GB18030");

    ExtractedDocument extract(Path file, String mediaType, long started) throws ExtractionException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw ExtractionException.corrupt("cannot read the file: " + e.getMessage(), e);
        }
        Decoded decoded = decode(bytes);
        String text = decoded.text().replace("\r\n", "\n").replace('\r', '\n');
        if (text.isBlank()) {
            throw new ExtractionException(FailureReason.NO_TEXT, "no text in the file");
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        String type = mediaType + "; charset=" + decoded.charset().name();
        Extraction extraction = new Extraction(type, ExtractionMethod.PLAIN_TEXT, 1, text.length(), millis, List.of(),
                List.of());
        return new ExtractedDocument(text, List.of(), List.of(), extraction);
    }

    record Decoded(String text, Charset charset) {
    }

    static Decoded decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE),
                    StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE),
                    StandardCharsets.UTF_16BE);
        }
        try {
            String utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return new Decoded(utf8, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            return new Decoded(new String(bytes, GB18030), GB18030);
        }
    }
}
