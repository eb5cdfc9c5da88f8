package io.annualreport.ingest.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;

/** Decides a file's type from its content (the name only refines it), so that a PDF named .docx is a PDF. */
public final class MediaTypeSniffer {

    private static final Set<String> SUPPORTED = Set.of(
            "application/pdf",
            "text/plain",
            "text/markdown",
            "text/x-web-markdown",
            "text/html",
            "application/xhtml+xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/msword",
            "application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/x-tika-msoffice",
            "application/x-tika-ooxml",
            "application/vnd.ms-works",
            "application/wps-office.wps",
            "application/rtf",
            "image/png",
            "image/jpeg",
            "image/tiff");

    private static final Set<String> ARCHIVES = Set.of("application/zip", "application/x-7z-compressed",
            "application/x-rar-compressed", "application/x-tar", "application/gzip", "application/x-gzip",
            "application/x-bzip2", "application/x-xz", "application/java-archive", "application/vnd.ms-cab-compressed",
            "application/zstd");

    /**
     * Bytes of the file the detector sees: every magic pattern of Tika's MIME database for the accepted types ends
     * within the first 8 KiB ({@code offset="…:8192"} is the widest range); unbounded, Tika reads 64 KiB.
     */
    static final int HEADER_BYTES = 16 * 1024;

    private static final Detector DETECTOR = TrimmedMimeTypes.load(keptTypes());

    /** The detected media type, without parameters. */
    public String detect(Path file, String fileName) throws IOException {
        Metadata metadata = new Metadata();
        if (fileName != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        byte[] header;
        try (InputStream in = Files.newInputStream(file)) {
            header = in.readNBytes(HEADER_BYTES);
        }
        MediaType type = DETECTOR.detect(new ByteArrayInputStream(header), metadata);
        return type.getBaseType().toString();
    }

    /** The types whose every magic pattern is kept, however costly: the accepted ones, their parents and archives. */
    static Set<String> keptTypes() {
        Set<String> kept = new HashSet<>(SUPPORTED);
        kept.addAll(ARCHIVES);
        kept.addAll(Set.of("application/xml", "application/x-tika-ooxml", "application/x-tika-msoffice",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                "application/vnd.ms-excel", "application/vnd.ms-powerpoint"));
        return kept;
    }

    /** Whether the type is an archive (refused inside a bulk zip). */
    public static boolean isArchive(String mediaType) {
        return ARCHIVES.contains(mediaType);
    }

    /** Whether the pipeline reads files of this type. */
    public boolean isSupported(String mediaType) {
        return SUPPORTED.contains(mediaType);
    }
}
