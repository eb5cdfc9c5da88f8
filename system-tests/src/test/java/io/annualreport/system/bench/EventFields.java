package io.annualreport.system.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.annualreport.extraction.TikaTextExtractor;
import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.event.EventCodec;
import io.annualreport.model.report.Cell;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.report.Section;
import io.annualreport.parser.ParseHints;
import io.annualreport.parser.ReportParser;

/**
 * Benchmark tool (not a test): what each field of the parsed event costs in JSON bytes, over the benchmark's mix of
 * files, and what the event would weigh with each cell's {@code source} row kept once per line and the section
 * texts left to be cut from {@code text} by their spans. Run by hand; see docs/bench-e2e.md.
 */
public final class EventFields {

    private EventFields() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("project.root", "."));
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        List<Workload.Item> items = Workload.build(root, count, 0.25, 2, "fields");
        TikaTextExtractor extractor = new TikaTextExtractor();
        ReportParser parser = new ReportParser();
        Path dir = Files.createTempDirectory("event-fields");
        Map<String, long[]> bytes = new LinkedHashMap<>();
        long sourcesOncePerLine = 0;
        long sectionsCuttable = 0;
        int sectionCount = 0;
        int reports = 0;
        for (Workload.Item item : items) {
            Path file = dir.resolve(item.name());
            Files.write(file, item.bytes());
            ExtractedDocument document = extractor.extract(file, item.name(), item.mediaType());
            ParsedReport r = parser.parse(document, new ParseHints(item.name(), null, null));
            Files.delete(file);
            reports++;
            add(bytes, "whole report", EventCodec.encode(r));
            add(bytes, "cells", EventCodec.encode(r.cells()));
            add(bytes, "sections", EventCodec.encode(r.sections()));
            add(bytes, "text", EventCodec.encode(r.text()));
            add(bytes, "facts", EventCodec.encode(r.facts()));
            add(bytes, "reading", EventCodec.encode(r.reading()));
            add(bytes, "extraction", EventCodec.encode(r.extraction()));
            add(bytes, "parseWarnings", EventCodec.encode(r.parseWarnings()));
            add(bytes, "identity", EventCodec.encode(r.identity()));
            long sources = 0;
            Set<Integer> lines = new HashSet<>();
            for (Cell c : r.cells().values()) {
                if (c != null && c.source() != null) {
                    int quoted = utf8(EventCodec.encode(c.source())) + ",\"source\":".length();
                    sources += quoted;
                    if (c.line() != null && lines.add(c.line())) {
                        sourcesOncePerLine += quoted;
                    }
                }
            }
            add(bytes, "cells' source", sources);
            for (Section s : r.sections()) {
                sectionCount++;
                String text = r.text();
                if (text != null && s.start() >= 0 && s.end() <= text.length() && s.start() <= s.end()
                        && text.substring(s.start(), s.end()).equals(s.text())) {
                    sectionsCuttable += utf8(EventCodec.encode(s.text()));
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d reports (%s)%n", reports, "75 % text, 25 % born-digital PDF");
        long whole = bytes.get("whole report")[0];
        bytes.forEach((k, v) -> System.out.printf(Locale.ROOT, "%-16s %8.0f B per report  %5.1f %%%n", k,
                (double) v[0] / v[1], 100.0 * v[0] / whole));
        System.out.printf(Locale.ROOT, "source kept once per line: %.0f B per report%n",
                (double) sourcesOncePerLine / reports);
        System.out.printf(Locale.ROOT, "section texts equal to text[start, end): %.0f B per report%n",
                (double) sectionsCuttable / reports);
        System.exit(0);
    }

    private static void add(Map<String, long[]> bytes, String field, String json) {
        add(bytes, field, utf8(json));
    }

    private static int utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    private static void add(Map<String, long[]> bytes, String field, long n) {
        long[] v = bytes.computeIfAbsent(field, k -> new long[2]);
        v[0] += n;
        v[1]++;
    }
}
