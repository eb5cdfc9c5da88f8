package io.annualreport.ingest.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Unpacks a bulk zip (one report per entry) into a scratch directory, refusing the whole archive on the first hostile
 * entry: unsafe paths, symbolic links, encrypted entries, nested archives and zip bombs.
 */
public final class ZipExpander {

    /** Entries below this size are never refused for their compression ratio: small text files compress well. */
    static final long RATIO_FLOOR_BYTES = 1 << 20;

    private static final Set<String> ARCHIVE_EXTENSIONS = Set.of(".zip", ".7z", ".rar", ".tar", ".gz", ".tgz",
            ".bz2", ".xz", ".jar", ".cab", ".zst");
    private static final Charset GB18030 = Charset.forName("GB18030");

    private final long maxEntryBytes;
    private final int maxEntries;
    private final long maxTotalBytes;
    private final int maxRatio;

    public ZipExpander(long maxEntryBytes, int maxEntries, long maxTotalBytes, int maxRatio) {
        this.maxEntryBytes = maxEntryBytes;
        this.maxEntries = maxEntries;
        this.maxTotalBytes = maxTotalBytes;
        this.maxRatio = maxRatio;
    }

    /**
     * Writes each file entry of the archive into {@code scratch} and returns them with their sanitised names.
     *
     * @throws IntakeRefusedException naming the archive and the entry when the archive is refused
     */
    public List<Upload> expand(Path archive, String archiveName, Path scratch) {
        List<Upload> files = new ArrayList<>();
        try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntriesInPhysicalOrder());
            if (entries.size() > maxEntries) {
                throw refused(IntakeRefusal.ZIP_TOO_MANY_ENTRIES, archiveName, null,
                        "has " + entries.size() + " entries; the limit is " + maxEntries);
            }
            long total = 0;
            for (ZipArchiveEntry entry : entries) {
                String name = entryName(entry);
                if (entry.isDirectory() || isOperatingSystemClutter(name)) {
                    continue;
                }
                checkEntry(zip, entry, name, archiveName);
                Path target = scratch.resolve(Integer.toString(files.size()));
                long written = copyBounded(zip, entry, name, archiveName, target, maxTotalBytes - total);
                total += written;
                files.add(new Upload(target, Upload.safeName(name)));
            }
        } catch (IntakeRefusedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new IntakeRefusedException(IntakeRefusal.CORRUPT_ZIP,
                    "the archive '" + archiveName + "' cannot be read as a zip: "
                            + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new IntakeRefusedException(IntakeRefusal.EMPTY_ZIP,
                    "the archive '" + archiveName + "' contains no file");
        }
        return files;
    }

    private void checkEntry(ZipFile zip, ZipArchiveEntry entry, String name, String archiveName) {
        if (isUnsafePath(name)) {
            throw refused(IntakeRefusal.ZIP_UNSAFE_PATH, archiveName, name,
                    "has a path that leaves the archive (absolute or with '..')");
        }
        if (entry.isUnixSymlink()) {
            throw refused(IntakeRefusal.ZIP_UNSAFE_PATH, archiveName, name, "is a symbolic link");
        }
        if (entry.getGeneralPurposeBit().usesEncryption() || entry.getGeneralPurposeBit().usesStrongEncryption()) {
            throw refused(IntakeRefusal.ZIP_ENCRYPTED_ENTRY, archiveName, name,
                    "is encrypted; send the reports without a password");
        }
        if (isArchiveName(name)) {
            throw refused(IntakeRefusal.ZIP_NESTED_ARCHIVE, archiveName, name,
                    "is itself an archive; nested archives are not accepted, unpack it first");
        }
        if (!zip.canReadEntryData(entry)) {
            throw refused(IntakeRefusal.ZIP_UNSUPPORTED_ENTRY, archiveName, name,
                    "uses a compression method that is not supported; use deflate or store");
        }
        if (entry.getSize() > maxEntryBytes) {
            throw refused(IntakeRefusal.TOO_LARGE, archiveName, name,
                    "has " + entry.getSize() + " bytes; the limit is " + maxEntryBytes);
        }
    }

    private long copyBounded(ZipFile zip, ZipArchiveEntry entry, String name, String archiveName, Path target,
            long totalLeft) throws IOException {
        long compressed = Math.max(1, entry.getCompressedSize());
        byte[] buffer = new byte[64 * 1024];
        long written = 0;
        try (InputStream in = zip.getInputStream(entry); OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                written += n;
                if (written > maxEntryBytes) {
                    throw refused(IntakeRefusal.TOO_LARGE, archiveName, name,
                            "unpacks to more than " + maxEntryBytes + " bytes, the limit");
                }
                if (written > totalLeft) {
                    throw refused(IntakeRefusal.ZIP_TOO_LARGE, archiveName, name,
                            "takes the unpacked archive over " + maxTotalBytes + " bytes, the limit");
                }
                if (written > RATIO_FLOOR_BYTES && written / compressed > maxRatio) {
                    throw refused(IntakeRefusal.ZIP_BOMB, archiveName, name,
                            "unpacks to more than " + maxRatio + " times its compressed size");
                }
                out.write(buffer, 0, n);
            }
        }
        return written;
    }

    private static IntakeRefusedException refused(IntakeRefusal refusal, String archiveName, String entry,
            String why) {
        String subject = entry == null
                ? "the archive '" + archiveName + "'"
                : "the entry '" + entry + "' of the archive '" + archiveName + "'";
        return new IntakeRefusedException(refusal, subject + " " + why + "; nothing of the archive was accepted");
    }

    /** The entry's name: UTF-8 when flagged or valid, otherwise GB18030 (zips made on Chinese Windows). */
    static String entryName(ZipArchiveEntry entry) {
        if (entry.getGeneralPurposeBit().usesUTF8ForNames()) {
            return entry.getName();
        }
        byte[] raw = entry.getRawName();
        if (raw == null) {
            return entry.getName();
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            return new String(raw, GB18030);
        }
    }

    static boolean isUnsafePath(String name) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*") || n.indexOf('\0') >= 0) {
            return true;
        }
        for (String segment : n.split("/")) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    static boolean isArchiveName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return ARCHIVE_EXTENSIONS.stream().anyMatch(lower::endsWith);
    }

    private static boolean isOperatingSystemClutter(String name) {
        String n = name.replace('\\', '/');
        String last = n.substring(n.lastIndexOf('/') + 1);
        return n.startsWith("__MACOSX/") || last.equals(".DS_Store") || last.equalsIgnoreCase("Thumbs.db")
                || last.equalsIgnoreCase("desktop.ini");
    }
}
