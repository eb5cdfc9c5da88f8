package io.annualreport.parser.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.parser.ParseHints;
import io.annualreport.parser.ReportParser;

/**
 * Throughput harness for {@link ReportParser} on the seed reports, single-threaded, run side by side with a trivial
 * baseline (splitting the text into lines and counting characters) in the same JVM. Throughput is counted per CPU
 * second of the measuring thread (the build machine is shared, so wall time overstates the cost). Not a test; run with
 * {@code java -cp ... io.annualreport.parser.bench.ParserBenchmark [samplesDir] [seconds]}.
 */
public final class ParserBenchmark {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private ParserBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path samples = Path.of(args.length > 0 ? args[0] : System.getProperty("samples.dir", "../samples"));
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<ExtractedDocument> documents = new ArrayList<>();
        try (Stream<Path> seeds = Files.list(samples.resolve("seeds"))) {
            for (Path seed : seeds.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                documents.add(new ExtractedDocument(Files.readString(seed), List.of(), List.of(), null));
            }
        }
        ReportParser parser = new ReportParser();
        System.out.printf("seeds: %d documents, %d characters in all%n", documents.size(),
                documents.stream().mapToInt(d -> d.text().length()).sum());
        for (int round = 1; round <= 3; round++) {
            double baseline = run("baseline (split lines)", documents, seconds, ParserBenchmark::baseline);
            double parse = run("ReportParser.parse", documents, seconds, d -> parser.parse(d, ParseHints.none())
                    .cells().size());
            System.out.printf("round %d: parser %.0f reports/CPU-s, baseline %.0f reports/CPU-s, ratio %.1fx%n", round,
                    parse,
                    baseline, baseline / parse);
        }
    }

    private static int baseline(ExtractedDocument document) {
        int characters = 0;
        for (String line : document.text().split("\n")) {
            characters += line.strip().length();
        }
        return characters;
    }

    private static double run(String name, List<ExtractedDocument> documents, int seconds, Work work) {
        long sink = 0;
        long warmupEnd = System.nanoTime() + 2_000_000_000L;
        int i = 0;
        while (System.nanoTime() < warmupEnd) {
            sink += work.apply(documents.get(i++ % documents.size()));
        }
        long start = System.nanoTime();
        long cpuStart = CPU.getCurrentThreadCpuTime();
        long end = start + seconds * 1_000_000_000L;
        long count = 0;
        while (System.nanoTime() < end) {
            sink += work.apply(documents.get(i++ % documents.size()));
            count++;
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double perCpuSecond = count / cpu;
        System.out.printf("  %-24s %,12.0f reports per CPU-second, %,12.0f reports per wall-second"
                + " (%d reports, %.1f s CPU of %.1f s wall, sink %d)%n", name, perCpuSecond, count / wall, count, cpu,
                wall, sink % 7);
        return perCpuSecond;
    }

    /** One unit of benchmarked work. */
    @FunctionalInterface
    private interface Work {
        int apply(ExtractedDocument document);
    }

}
