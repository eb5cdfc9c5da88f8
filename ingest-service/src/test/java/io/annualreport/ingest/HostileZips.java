package io.annualreport.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Hand-made zips for the bulk upload tests, hostile ones included. */
public final class HostileZips {

    private HostileZips() {
    }

    /** A zip of the given entries (name to bytes), deflated, names in UTF-8. */
    public static byte[] zip(Map<String, byte[]> entries) {
        return zip(entries, StandardCharsets.UTF_8);
    }

    /** A zip whose entry names are written in the given charset (GB18030 without the UTF-8 flag, as on Windows). */
    public static byte[] zip(Map<String, byte[]> entries, Charset names) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes, names)) {
            for (var e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    public static Map<String, byte[]> entries(Object... nameThenText) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < nameThenText.length; i += 2) {
            Object content = nameThenText[i + 1];
            entries.put((String) nameThenText[i],
                    content instanceof byte[] b ? b : content.toString().getBytes(StandardCharsets.UTF_8));
        }
        return entries;
    }

    /** Sets the "encrypted" general purpose bit on every local and central header, as a password tool would. */
    public static byte[] markEncrypted(byte[] zip) {
        byte[] copy = zip.clone();
        ByteBuffer buffer = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 4 <= copy.length; i++) {
            int signature = buffer.getInt(i);
            if (signature == 0x04034b50) {
                buffer.putShort(i + 6, (short) (buffer.getShort(i + 6) | 1));
            } else if (signature == 0x02014b50) {
                buffer.putShort(i + 8, (short) (buffer.getShort(i + 8) | 1));
            }
        }
        return copy;
    }

    /** Rewrites every central directory's declared uncompressed size, as a bomb that lies about itself does. */
    public static byte[] lieAboutSize(byte[] zip, int declared) {
        byte[] copy = zip.clone();
        ByteBuffer buffer = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 4 <= copy.length; i++) {
            if (buffer.getInt(i) == 0x02014b50) {
                buffer.putInt(i + 24, declared);
            }
        }
        return copy;
    }

    public static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
