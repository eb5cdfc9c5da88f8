package io.annualreport.system.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.annualreport.extraction.ExtractionException;
import io.annualreport.extraction.TikaTextExtractor;
import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.parser.ParseHints;
import io.annualreport.parser.ReportParser;
import io.annualreport.rules.RuleEngine;
import io.annualreport.rules.ValidationContext;
import io.annualreport.rules.ValidationResult;

/**
 * The limit: extraction, parsing and validation of the same files in this one warm JVM, without Kafka, HTTP or a
 * database, measured as CPU seconds of the whole process (GC and JIT threads included, as for the services).
 */
final class InProcessLimit {

    /** The CPU and wall time of one measured pass. */
    record Result(int files, double cpuSeconds, double wallSeconds, int failed) {
        double cpuMsPerFile() {
            return cpuSeconds * 1000 / files;
        }
    }

    private final TikaTextExtractor extractor = new TikaTextExtractor();
    private final ReportParser parser = new ReportParser();
    private final RuleEngine engine = new RuleEngine();

    /** Writes the files to {@code dir}, runs {@code warmups} unmeasured passes, then one measured pass. */
    Result measure(List<Workload.Item> items, Path dir, int warmups) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (Workload.Item item : items) {
            Path file = dir.resolve(item.name());
            Files.write(file, item.bytes());
            files.add(file);
        }
        for (int i = 0; i < warmups; i++) {
            pass(items, files);
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        int failed = pass(items, files);
        long cpu = os.getProcessCpuTime() - cpu0;
        long wall = System.nanoTime() - wall0;
        for (Path file : files) {
            Files.deleteIfExists(file);
        }
        return new Result(items.size(), cpu / 1e9, wall / 1e9, failed);
    }

    private int pass(List<Workload.Item> items, List<Path> files) {
        int failed = 0;
        for (int i = 0; i < files.size(); i++) {
            Workload.Item item = items.get(i);
            try {
                ExtractedDocument document = extractor.extract(files.get(i), item.name(), item.mediaType());
                ParsedReport report = parser.parse(document, new ParseHints(item.name(), null, null));
                ValidationResult result = engine.validate(report, ValidationContext.standalone());
                if (result.verdict() == null) {
                    failed++;
                }
            } catch (ExtractionException | RuntimeException e) {
                failed++;
            }
        }
        return failed;
    }
}
