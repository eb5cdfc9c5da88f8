package io.annualreport.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.html.HtmlEncodingDetector;

/**
 * The charset of a Chinese web page: the declared charset (GB2312 and GBK read as their superset GB18030), else a
 * byte-order mark, else UTF-8 when the bytes are valid UTF-8, else GB18030. Statistical guessing misreads pages with
 * little Chinese text, so it is not used.
 */
final class ChineseHtmlEncodingDetector implements EncodingDetector {

    private static final long serialVersionUID = 1L;
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final int SAMPLE = 1 << 20;

    private final HtmlEncodingDetector declared = new HtmlEncodingDetector();

    @Override
    public Charset detect(InputStream in, Metadata metadata) throws IOException {
        if (in == null) {
            return null;
        }
        Charset charset = declared.detect(in, metadata);
        if (charset != null) {
            String name = charset.name().toUpperCase(Locale.ROOT);
            return name.equals("GB2312") || name.equals("GBK") || name.equals("X-GBK") ? GB18030 : charset;
        }
        in.mark(SAMPLE);
        byte[] sample;
        try {
            sample = in.readNBytes(SAMPLE);
        } finally {
            in.reset();
        }
        if (sample.length >= 2 && (sample[0] & 0xff) == 0xff && (sample[1] & 0xff) == 0xfe) {
            return StandardCharsets.UTF_16LE;
        }
        if (sample.length >= 2 && (sample[0] & 0xff) == 0xfe && (sample[1] & 0xff) == 0xff) {
            return StandardCharsets.UTF_16BE;
        }
        return isUtf8(sample) ? StandardCharsets.UTF_8 : GB18030;
    }

    private static boolean isUtf8(byte[] sample) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int length = sample.length;
        // A multi-byte character cut by the end of the sample is not an error.
        int back = 0;
        while (back < 3 && length - back - 1 >= 0 && (sample[length - back - 1] & 0xc0) == 0x80) {
            back++;
        }
        if (length - back - 1 >= 0 && (sample[length - back - 1] & 0xc0) == 0xc0) {
            length = length - back - 1;
        }
        try {
            decoder.decode(ByteBuffer.wrap(sample, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
