package io.annualreport.extraction;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import io.annualreport.model.event.FailureReason;

/**
 * Reads a zip container's central directory before parsing and refuses decompression bombs: entries that inflate
 * beyond a size cap or at a compression ratio no real document reaches.
 */
final class ZipBombCheck {

    /** A Word document's largest part is far below this. */
    static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 256L * 1024 * 1024;
    /** Inflating more than this many times the compressed size past 1 MB is a bomb (text XML reaches ~20). */
    static final long MAX_RATIO = 200;
    static final int MAX_ENTRIES = 10_000;

    private ZipBombCheck() {
    }

    static void check(Path file) throws ExtractionException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            long total = 0;
            int entries = 0;
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                entries++;
                long size = entry.getSize();
                long compressed = entry.getCompressedSize();
                if (size > MAX_ENTRY_BYTES || (size > 1 << 20 && compressed > 0 && size / compressed > MAX_RATIO)) {
                    throw new ExtractionException(FailureReason.TOO_LARGE, "decompression bomb: " + entry.getName()
                            + " inflates from " + compressed + " to " + size + " bytes");
                }
                total += Math.max(size, 0);
                if (total > MAX_TOTAL_BYTES || entries > MAX_ENTRIES) {
                    throw new ExtractionException(FailureReason.TOO_LARGE,
                            "decompression bomb: the archive inflates beyond " + MAX_TOTAL_BYTES + " bytes");
                }
            }
        } catch (ZipException e) {
            throw ExtractionException.corrupt("not a readable DOCX: " + e.getMessage(), e);
        } catch (IOException e) {
            throw ExtractionException.corrupt("cannot read the file: " + e.getMessage(), e);
        }
    }
}
