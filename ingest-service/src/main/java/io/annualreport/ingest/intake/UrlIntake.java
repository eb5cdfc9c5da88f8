package io.annualreport.ingest.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Accepts reports given as URLs: fetches each through the {@link UrlFetcher}'s guard into scratch space, then hands the
 * files to the {@link Intake} exactly as uploaded files (same sniffing, zip checks and limits). Nothing is submitted
 * when one URL is refused.
 */
public class UrlIntake {

    private final UrlFetcher fetcher;
    private final Intake intake;

    public UrlIntake(UrlFetcher fetcher, Intake intake) {
        this.fetcher = fetcher;
        this.intake = intake;
    }

    /**
     * Fetches and accepts every URL.
     *
     * @throws IntakeRefusedException naming the first URL refused
     */
    public UploadResult accept(List<String> urls, Submission submission) {
        List<String> given = urls == null ? List.of() : urls.stream().filter(u -> u != null && !u.isBlank()).toList();
        if (given.isEmpty()) {
            throw new IntakeRefusedException(IntakeRefusal.NO_FILE, "no URL in the request: send {\"urls\":[...]}");
        }
        if (given.size() > fetcher.policy().maxUrls()) {
            throw new IntakeRefusedException(IntakeRefusal.TOO_MANY_URLS,
                    given.size() + " URLs in one request; at most " + fetcher.policy().maxUrls());
        }
        given.forEach(UrlFetcher::parse);
        Path scratch;
        try {
            scratch = Files.createTempDirectory("ingest-url");
        } catch (IOException e) {
            throw new IntakeRefusedException(IntakeRefusal.SCRATCH_UNAVAILABLE, "no scratch space for the download", e);
        }
        try {
            List<Upload> uploads = new ArrayList<>();
            for (String url : given) {
                uploads.add(fetcher.fetch(url, scratch));
            }
            return intake.accept(uploads, submission);
        } finally {
            delete(scratch);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // scratch space is temporary; a leftover is removed with the temp directory
        }
    }
}
