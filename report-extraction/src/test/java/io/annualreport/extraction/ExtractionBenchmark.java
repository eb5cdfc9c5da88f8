package io.annualreport.extraction;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;

/**
 * Benchmark harness, not a test: single-threaded born-digital PDF throughput of {@link TikaTextExtractor} side by side
 * with bare Tika (AutoDetectParser to plain text) on the same committed fixtures, in alternating rounds, then OCR
 * seconds per page of the scanned fixtures without and with doubtful table cells read again. Run it on one core to read the numbers per core (see docs/bench-extraction.md).
 */
public final class ExtractionBenchmark {

    /** Alternating OCR rounds per scan: the page read as sparse text only, then with doubtful cells read again. */
    private static final int OCR_ROUNDS = 2;

    private ExtractionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path fixtures = Path.of(args.length > 0 ? args[0] : "src/test/resources/fixtures");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int perRound = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        List<Path> pdfs = new ArrayList<>();
        try (var files = Files.list(fixtures)) {
            files.filter(f -> f.getFileName().toString().matches("\\d{3}\\.pdf")).sorted().forEach(pdfs::add);
        }
        TikaTextExtractor ours = new TikaTextExtractor();
        AutoDetectParser bare = new AutoDetectParser();
        System.out.printf(Locale.ROOT, "fixtures: %s%n", pdfs.stream().map(p -> p.getFileName().toString()).toList());

        // Warm-up: JIT, font caches, class loading.
        for (int i = 0; i < 10; i++) {
            runOurs(ours, pdfs, 5);
            runBare(bare, pdfs, 5);
        }
        Rate oursTotal = new Rate(0, 0, 0);
        Rate bareTotal = new Rate(0, 0, 0);
        for (int round = 1; round <= rounds; round++) {
            Rate oursRate = runOurs(ours, pdfs, perRound);
            Rate bareRate = runBare(bare, pdfs, perRound);
            oursTotal = oursTotal.plus(oursRate);
            bareTotal = bareTotal.plus(bareRate);
            System.out.printf(Locale.ROOT, "round %d: ours %s | bare Tika %s%n", round, oursRate, bareRate);
        }
        System.out.printf(Locale.ROOT, "total: ours %s | bare Tika %s%n", oursTotal, bareTotal);
        System.out.printf(Locale.ROOT, "ratio ours/bare: %.2f per wall second, %.2f per CPU second%n",
                oursTotal.perWallSecond() / bareTotal.perWallSecond(),
                oursTotal.perCpuSecond() / bareTotal.perCpuSecond());

        ScanOcr tesseract = new ScanOcr();
        for (String scanned : List.of("000-scanned.pdf", "003-scanned.pdf")) {
            ocr(tesseract, fixtures.resolve(scanned));
        }
    }

    private static void ocr(ScanOcr tesseract, Path scan) throws Exception {
        if (tesseract.available() && Files.exists(scan)) {
            try (PDDocument document = Loader.loadPDF(scan.toFile())) {
                PDFRenderer renderer = new PDFRenderer(document);
                int pages = document.getNumberOfPages();
                List<RulingEraser.Erased> erased = new ArrayList<>();
                for (int page = 0; page < pages; page++) {
                    erased.add(RulingEraser.erase(renderer.renderImageWithDPI(page, PdfExtractor.OCR_DPI,
                            ImageType.GRAY), PdfExtractor.OCR_DPI));
                }
                // Alternating: the page read as sparse text only, then with doubtful table cells read again.
                double[] seconds = new double[2];
                for (int round = 0; round < OCR_ROUNDS; round++) {
                    for (int side = 0; side < 2; side++) {
                        long start = System.nanoTime();
                        for (RulingEraser.Erased page : erased) {
                            tesseract.read(page.image(), PdfExtractor.OCR_DPI,
                                    ExtractionLimits.DEFAULT.ocrPageBudget(),
                                    side == 0 ? TableCells.NONE : page.cells());
                        }
                        double took = (System.nanoTime() - start) / 1e9;
                        seconds[side] += took;
                        System.out.printf(Locale.ROOT, "OCR round %d, %s: %.2f s/page%n", round + 1,
                                side == 0 ? "page only" : "cells re-read", took / pages);
                    }
                }
                System.out.printf(Locale.ROOT,
                        "OCR: %d pages of %s x %d rounds: page only %.2f s/page, with doubtful cells re-read %.2f "
                                + "s/page (render %d dpi, borders erased, %s)%n",
                        pages, scan.getFileName(), OCR_ROUNDS, seconds[0] / pages / OCR_ROUNDS,
                        seconds[1] / pages / OCR_ROUNDS, (int) PdfExtractor.OCR_DPI, tesseract.describe());
            }
        } else {
            System.out.println("OCR: tesseract with chi_sim not available, skipped");
        }
    }

    /** Reports done, wall and process CPU nanoseconds (JIT and GC threads included, for both sides alike). */
    private record Rate(int reports, long wallNanos, long cpuNanos) {

        Rate plus(Rate other) {
            return new Rate(reports + other.reports, wallNanos + other.wallNanos, cpuNanos + other.cpuNanos);
        }

        double perWallSecond() {
            return reports / (wallNanos / 1e9);
        }

        double perCpuSecond() {
            return reports / (cpuNanos / 1e9);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.1f reports/s wall, %.1f reports per CPU second", perWallSecond(),
                    perCpuSecond());
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static Rate runOurs(TikaTextExtractor extractor, List<Path> pdfs, int times) throws Exception {
        long cpu = cpuNanos();
        long start = System.nanoTime();
        int count = 0;
        for (int i = 0; i < times; i++) {
            for (Path pdf : pdfs) {
                extractor.extract(pdf, pdf.getFileName().toString(), "application/pdf");
                count++;
            }
        }
        return new Rate(count, System.nanoTime() - start, cpuNanos() - cpu);
    }

    private static Rate runBare(AutoDetectParser parser, List<Path> pdfs, int times) throws Exception {
        long cpu = cpuNanos();
        long start = System.nanoTime();
        int count = 0;
        for (int i = 0; i < times; i++) {
            for (Path pdf : pdfs) {
                try (InputStream in = Files.newInputStream(pdf)) {
                    BodyContentHandler handler = new BodyContentHandler(-1);
                    parser.parse(in, handler, new Metadata(), new ParseContext());
                    if (handler.toString().isEmpty()) {
                        throw new IllegalStateException("no text from " + pdf);
                    }
                }
                count++;
            }
        }
        return new Rate(count, System.nanoTime() - start, cpuNanos() - cpu);
    }
}
