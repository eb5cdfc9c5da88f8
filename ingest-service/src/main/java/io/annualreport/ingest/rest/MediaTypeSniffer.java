package io.annualreport.ingest.rest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

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
            "application/x-tika-msoffice",
            "application/x-tika-ooxml",
            "application/vnd.ms-works",
            "application/wps-office.wps",
            "application/rtf",
            "image/png",
            "image/jpeg",
            "image/tiff");

    private final Detector detector = MimeTypes.getDefaultMimeTypes();

    /** The detected media type, without parameters. */
    public String detect(Path file, String fileName) throws IOException {
        Metadata metadata = new Metadata();
        if (fileName != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            MediaType type = detector.detect(in, metadata);
            return type.getBaseType().toString();
        }
    }

    private static final Set<String> ARCHIVES = Set.of("application/zip", "application/x-7z-compressed",
            "application/x-rar-compressed", "application/x-tar", "application/gzip", "application/x-gzip",
            "application/x-bzip2", "application/x-xz", "application/java-archive", "application/vnd.ms-cab-compressed",
            "application/zstd");

    /** Whether the type is an archive (refused inside a bulk zip). */
    public static boolean isArchive(String mediaType) {
        return ARCHIVES.contains(mediaType);
    }

    /** Whether the pipeline reads files of this type. */
    public boolean isSupported(String mediaType) {
        return SUPPORTED.contains(mediaType);
    }
}
