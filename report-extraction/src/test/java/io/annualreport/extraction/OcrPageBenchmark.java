package io.annualreport.extraction;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Benchmark harness, not a test: the cost of OCR per scanned page through {@link TikaTextExtractor} (preparation,
 * ruling and grid detection, the text read by PP-OCR in the JVM, the number cells read by Tesseract), one document
 * after another on one thread. It prints pages, wall time, the JVM's own CPU time (PP-OCR's ONNX Runtime runs in it,
 * on one thread) and, where {@code /usr/bin/time} exists, the CPU time of the Tesseract processes by page segmentation
 * mode and input (numbers.txt the number cells, numbers-again.txt those checked by the Chinese model; with the
 * Tesseract-only path also page.pgm the page pass, grid.txt the cells read as blocks, cells.txt the doubtful cells
 * read enlarged; each run through a wrapper that times it), so that JVM and Tesseract add up to the cost per page (see
 * docs/bench-ocr.md). With {@code --warm} first, the files are read once before the measured round, as a running
 * parse-service has them: class loading, the models' loading and the JIT's compiling left out. With {@code
 * --tesseract-only} first (before {@code --warm}), the text is read by Tesseract's passes instead, the baseline.
 */
public final class OcrPageBenchmark {

    private OcrPageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path log = Files.createTempFile("ocr-bench-", ".log");
        String command = "tesseract";
        if (Files.isExecutable(Path.of("/usr/bin/time"))) {
            Path wrapper = Files.createTempFile("tesseract-timed-", ".sh",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.writeString(wrapper, "#!/bin/sh\n"
                    + "psm=?; prev=\nfor a in \"$@\"; do [ \"$prev\" = --psm ] && psm=$a; prev=$a; done\n"
                    + "input=$(basename \"$1\" | sed 's/-[0-9]*[.]/./')\n"
                    + "exec /usr/bin/time -a -o '" + log + "' -f \"psm$psm:$input %U %S\" tesseract \"$@\"\n",
                    StandardCharsets.UTF_8);
            command = wrapper.toString();
        }
        if (args.length > 0 && args[0].equals("--stages")) {
            stages(java.util.Arrays.copyOfRange(args, 1, args.length), new ScanOcr(command, "chi_sim"), log);
            return;
        }
        boolean tesseractOnly = args.length > 0 && args[0].equals("--tesseract-only");
        if (tesseractOnly) {
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        }
        boolean warm = args.length > 0 && args[0].equals("--warm");
        if (warm) {
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        }
        TikaTextExtractor extractor = new TikaTextExtractor(new ExtractionLimits(Duration.ofMinutes(30),
                Duration.ofMinutes(10), ExtractionLimits.DEFAULT.maxPages(), ExtractionLimits.DEFAULT.maxBytes()),
                tesseractOnly ? ScanOcr.tesseractOnly(command, "chi_sim") : new ScanOcr(command, "chi_sim"));
        if (warm) {
            for (String arg : args) {
                extractor.extract(Path.of(arg), Path.of(arg).getFileName().toString(), null);
            }
            Files.writeString(log, "");
            System.out.println("warm-up round done; measuring the second round");
        }
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
        double jvm = (os.getProcessCpuTime() - cpuStarted) / 1e9;
        report(pages, (System.nanoTime() - started) / 1e9, jvm, log);
    }

    /**
     * The JVM's CPU time by step over every page of the PDFs (render, preparation, rulings and grid, OCR with its
     * crops), the way {@link PdfExtractor} runs them.
     */
    private static void stages(String[] files, ScanOcr ocr, Path log) throws Exception {
        var threads = ManagementFactory.getThreadMXBean();
        double[] cpu = new double[4];
        int pages = 0;
        long started = System.nanoTime();
        long cpuStarted = threads.getCurrentThreadCpuTime();
        for (String file : files) {
            try (var document = org.apache.pdfbox.Loader.loadPDF(Path.of(file).toFile())) {
                var renderer = new org.apache.pdfbox.rendering.PDFRenderer(document);
                for (int i = 0; i < document.getNumberOfPages(); i++) {
                    long t0 = threads.getCurrentThreadCpuTime();
                    PdfExtractor.Rendered rendered = PdfExtractor.renderForOcr(renderer, document.getPage(i), i);
                    long t1 = threads.getCurrentThreadCpuTime();
                    ScanPreparation.Prepared prepared = ScanPreparation.prepare(rendered.image(), rendered.dpi());
                    long t2 = threads.getCurrentThreadCpuTime();
                    RulingEraser.Erased erased = RulingEraser.erase(prepared);
                    erased.cells().all();
                    long t3 = threads.getCurrentThreadCpuTime();
                    ocr.read(erased.image(), prepared.dpi(), Duration.ofMinutes(10), erased.cells());
                    long t4 = threads.getCurrentThreadCpuTime();
                    cpu[0] += (t1 - t0) / 1e9;
                    cpu[1] += (t2 - t1) / 1e9;
                    cpu[2] += (t3 - t2) / 1e9;
                    cpu[3] += (t4 - t3) / 1e9;
                    pages++;
                }
            }
        }
        int n = Math.max(1, pages);
        System.out.printf(Locale.ROOT, "JVM CPU per page: render %.2f s, prepare %.2f s, rulings and grid %.2f s,"
                + " OCR (crops, files, merge) %.2f s%n", cpu[0] / n, cpu[1] / n, cpu[2] / n, cpu[3] / n);
        report(pages, (System.nanoTime() - started) / 1e9, (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e9,
                log);
    }

    private static void report(int pages, double wall, double jvm, Path log) throws java.io.IOException {
        Map<String, double[]> byPass = new TreeMap<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 3 && f[0].startsWith("psm")) {
                double[] sum = byPass.computeIfAbsent(f[0], k -> new double[2]);
                sum[0] += Double.parseDouble(f[1]) + Double.parseDouble(f[2]);
                sum[1]++;
            }
        }
        double tesseract = byPass.values().stream().mapToDouble(s -> s[0]).sum();
        int n = Math.max(1, pages);
        System.out.printf(Locale.ROOT, "total: %d pages, %.1f s wall; CPU: JVM %.1f s (%.2f s/page), Tesseract %.1f s"
                + " (%.2f s/page), together %.2f s/page%n", pages, wall, jvm, jvm / n,
                tesseract, tesseract / n, (jvm + tesseract) / n);
        byPass.forEach(
                (pass, sum) -> System.out.printf(Locale.ROOT, "  tesseract --%s: %d runs, %.1f s CPU (%.2f s/page)%n",
                        pass.replace("psm", "psm ").replace(":", " on "), (int) sum[1], sum[0], sum[0] / n));
    }
}
