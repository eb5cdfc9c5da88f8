package io.annualreport.ingest.intake;

import java.nio.file.Path;

/**
 * A file as received, before any check: where its bytes are and the name the client gave it.
 *
 * @param file the received bytes
 * @param fileName the client's name for it, possibly null or unsafe
 */
public record Upload(Path file, String fileName) {

    /** The upload under its {@linkplain #safeName(String) safe name}. */
    Upload withSafeName() {
        return new Upload(file, safeName(fileName));
    }

    /** Keeps the last path segment of a client-supplied name and drops control characters. */
    static String safeName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "upload";
        }
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = name.replaceAll("[\\p{Cntrl}]", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return "upload";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
