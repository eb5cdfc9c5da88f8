package io.annualreport.system.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarizes JFR recordings of the pipeline's JVMs: CPU samples ({@code jdk.ExecutionSample}) by activity (the first
 * frame, from the leaf, that belongs to a known library or stage), the top leaf methods, and a collapsed-stacks file
 * (one {@code frame;frame;… count} line per distinct stack) and a flame graph ({@link FlameGraphSvg}) beside each
 * recording.
 * <p>
 * Run: {@code java -cp … io.annualreport.system.bench.JfrSummary FILE.jfr…}
 */
public final class JfrSummary {

    /** Activities, tried in order against each frame from the leaf up: the first match names the sample. */
    private static final List<Map.Entry<String, String>> ACTIVITIES = List.of(
            Map.entry("org.postgresql.", "JDBC driver"),
            Map.entry("io.agroal.", "connection pool"),
            Map.entry("com.fasterxml.jackson.", "JSON (Jackson)"),
            Map.entry("io.annualreport.model.", "JSON/model (EventCodec, records)"),
            Map.entry("org.apache.kafka.common.compress", "Kafka compression"),
            Map.entry("com.github.luben.zstd", "Kafka compression"),
            Map.entry("net.jpountz.lz4", "Kafka compression"),
            Map.entry("org.apache.kafka.clients.", "Kafka client"),
            Map.entry("org.apache.kafka.common.", "Kafka common"),
            Map.entry("kafka.", "Kafka broker"),
            Map.entry("org.apache.kafka.storage", "Kafka broker"),
            Map.entry("org.apache.kafka.server", "Kafka broker"),
            Map.entry("org.apache.kafka.raft", "Kafka broker"),
            Map.entry("org.apache.pdfbox.", "extraction (PDFBox)"),
            Map.entry("org.apache.fontbox.", "extraction (PDFBox)"),
            Map.entry("org.apache.tika.", "extraction (Tika)"),
            Map.entry("io.annualreport.extraction.", "extraction (project)"),
            Map.entry("io.annualreport.parser.", "parser"),
            Map.entry("io.annualreport.rules.", "rules"),
            Map.entry("io.annualreport.store.", "store (project)"),
            Map.entry("io.annualreport.ingest.", "ingest (project)"),
            Map.entry("io.annualreport.", "other project code"),
            Map.entry("io.smallrye.reactive.messaging.", "SmallRye messaging"),
            Map.entry("io.smallrye.mutiny.", "Mutiny"),
            Map.entry("io.netty.", "Netty/Vert.x (HTTP, event loop)"),
            Map.entry("io.vertx.", "Netty/Vert.x (HTTP, event loop)"),
            Map.entry("org.jboss.resteasy.", "REST"),
            Map.entry("io.quarkus.", "Quarkus"),
            Map.entry("org.jboss.logmanager.", "logging"),
            Map.entry("org.jboss.logging.", "logging"),
            Map.entry("org.apache.", "other Apache library"));

    private JfrSummary() {
    }

    public static void main(String[] args) throws IOException {
        for (String arg : args) {
            summarize(Path.of(arg));
        }
    }

    static void summarize(Path recording) throws IOException {
        Map<String, Long> activities = new HashMap<>();
        Map<String, Long> leaves = new HashMap<>();
        Map<String, Long> stacks = new HashMap<>();
        long samples = 0;
        Map<String, java.time.Instant> lastSeen = new HashMap<>();
        Map<String, Double> threadKinds = new HashMap<>();
        double processCpu = 0;
        java.time.Instant lastProcess = null;
        int cores = Runtime.getRuntime().availableProcessors();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                String type = event.getEventType().getName();
                if (type.equals("jdk.ThreadCPULoad") && event.getThread("eventThread") != null) {
                    // fractions of the whole machine since the thread's previous event
                    String thread = String.valueOf(event.getThread("eventThread").getJavaName());
                    java.time.Instant previous = lastSeen.put(thread, event.getStartTime());
                    if (previous != null) {
                        double seconds = java.time.Duration.between(previous, event.getStartTime()).toNanos() / 1e9;
                        double cpu = (event.getFloat("user") + event.getFloat("system")) * cores * seconds;
                        threadKinds.merge(threadKind(thread), cpu, Double::sum);
                    }
                    continue;
                }
                if (type.equals("jdk.CPULoad")) {
                    if (lastProcess != null) {
                        double seconds = java.time.Duration.between(lastProcess, event.getStartTime()).toNanos() / 1e9;
                        processCpu += (event.getFloat("jvmUser") + event.getFloat("jvmSystem")) * cores * seconds;
                    }
                    lastProcess = event.getStartTime();
                    continue;
                }
                if (!type.equals("jdk.ExecutionSample")) {
                    continue;
                }
                RecordedStackTrace trace = event.getStackTrace();
                if (trace == null || trace.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                List<RecordedFrame> frames = trace.getFrames();
                leaves.merge(name(frames.get(0)), 1L, Long::sum);
                activities.merge(activity(frames), 1L, Long::sum);
                StringBuilder folded = new StringBuilder();
                for (int i = frames.size() - 1; i >= 0; i--) {
                    folded.append(name(frames.get(i)));
                    if (i > 0) {
                        folded.append(';');
                    }
                }
                stacks.merge(folded.toString(), 1L, Long::sum);
            }
        }
        System.out.printf("%n== %s: %d CPU samples%n", recording.getFileName(), samples);
        double javaThreads = threadKinds.values().stream().mapToDouble(Double::doubleValue).sum();
        System.out.printf(Locale.ROOT, "-- CPU seconds by thread kind (jdk.ThreadCPULoad, jdk.CPULoad): process %.1f",
                processCpu);
        threadKinds.forEach((k, v) -> System.out.printf(Locale.ROOT, ", %s %.1f", k, v));
        System.out.printf(Locale.ROOT, ", GC and other non-Java threads %.1f%n", Math.max(0, processCpu - javaThreads));
        print("by activity (first known frame from the leaf)", activities, samples, 30);
        print("top leaf methods", leaves, samples, 20);
        Path collapsed = recording.resolveSibling(recording.getFileName().toString().replaceAll("\\.jfr$", "")
                + ".collapsed");
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(collapsed, StandardCharsets.UTF_8))) {
            stacks.forEach((stack, count) -> out.println(stack + " " + count));
        }
        Path svg = recording.resolveSibling(recording.getFileName().toString().replaceAll("\\.jfr$", "") + ".svg");
        FlameGraphSvg.write(stacks, recording.getFileName() + ": CPU samples (jdk.ExecutionSample)", 0.01, svg);
        System.out.printf("collapsed stacks: %s, flame graph: %s%n", collapsed, svg);
    }

    private static void print(String title, Map<String, Long> counts, long total, int limit) {
        System.out.println("-- " + title);
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        sorted.forEach((k, v) -> System.out.printf(Locale.ROOT, "%6.1f %%  %6d  %s%n", 100.0 * v / total, v, k));
    }

    private static String activity(List<RecordedFrame> frames) {
        // the first frame from the leaf outside the JDK says what the JDK code below it was doing for whom
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (isJdk(type)) {
                continue;
            }
            for (var a : ACTIVITIES) {
                if (type.startsWith(a.getKey())) {
                    return a.getValue();
                }
            }
            int dot = type.lastIndexOf('.');
            return "other: " + (dot > 0 ? type.substring(0, dot) : type);
        }
        String leaf = frames.get(0).getMethod().getType().getName();
        return leaf.startsWith("java.util.zip.") ? "gzip/zip (JDK)" : "JDK only";
    }

    private static String threadKind(String thread) {
        if (thread.contains("CompilerThread")) {
            return "JIT compiler";
        }
        return "Java threads";
    }

    private static boolean isJdk(String type) {
        return type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")
                || type.startsWith("com.sun.");
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
