package io.annualreport.ingest.intake;

import java.util.List;

/** The 202 answer to an upload: one entry per accepted file. */
public record UploadResult(List<Accepted> reports) {

    /** One accepted file, with the URL where its processing status can be read. */
    public record Accepted(String reportId, String fileName, String sha256, String statusUrl) {
    }
}
