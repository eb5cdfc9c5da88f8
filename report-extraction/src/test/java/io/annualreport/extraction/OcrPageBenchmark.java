package io.annualreport.extraction;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Benchmark harness, not a test: the cost of OCR per scanned page through {@link TikaTextExtractor} (preparation,
 * ruling and grid detection, the page pass and the grid cells read one by one), one document after another on one
 * thread. It prints pages, wall time and the JVM's own CPU time; Tesseract runs as child processes, so run it under
 * {@code /usr/bin/time} and divide user + sys (which include the waited-for children) by the pages (see
 * docs/bench-ocr.md).
 */
public final class OcrPageBenchmark {

    private OcrPageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        TikaTextExtractor extractor = new TikaTextExtractor(new ExtractionLimits(Duration.ofMinutes(30),
                Duration.ofMinutes(10), ExtractionLimits.DEFAULT.maxPages(), ExtractionLimits.DEFAULT.maxBytes()));
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int pages = 0;
        long started = System.nanoTime();
        long cpuStarted = os.getProcessCpuTime();
        for (String arg : args) {
            long start = System.nanoTime();
            var document = extractor.extract(Path.of(arg), Path.of(arg).getFileName().toString(), null);
            pages += document.extraction().pages();
            System.out.printf(Locale.ROOT, "%s: %d pages, %.1f s wall%n", arg, document.extraction().pages(),
                    (System.nanoTime() - start) / 1e9);
        }
        System.out.printf(Locale.ROOT, "total: %d pages, %.1f s wall, JVM CPU %.1f s (%.2f s/page without Tesseract)%n",
                pages, (System.nanoTime() - started) / 1e9, (os.getProcessCpuTime() - cpuStarted) / 1e9,
                (os.getProcessCpuTime() - cpuStarted) / 1e9 / Math.max(1, pages));
    }
}
