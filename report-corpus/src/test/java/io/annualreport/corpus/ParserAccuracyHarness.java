package io.annualreport.corpus;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.annualreport.extraction.ExtractionException;
import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.report.Cell;
import io.annualreport.model.report.Identity;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.template.Edition;
import io.annualreport.parser.ParseHints;
import io.annualreport.parser.ReportParser;

/**
 * Measures report-parser against generated ground truth: share of exact cells and of correct identity and edition,
 * per edition, format (HTML and DOCX through TikaTextExtractor, as in parse-service) and noise. rep/s counts parsing
 * only. A harness for the lead, not a test; it asserts nothing.
 *
 * <p>
 * Arguments: reports per edition and format (default 1000), seed (default 1), formats (default all four, e.g.
 * HTML,DOCX).
 */
public final class ParserAccuracyHarness {

    private ParserAccuracyHarness() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        List<Format> formats = args.length > 2
                ? Arrays.stream(args[2].split(",")).map(Format::valueOf).toList()
                : List.of(Format.values());
        ReportParser parser = new ReportParser();
        ReportRenderer renderer = new ReportRenderer();
        RenderedFiles files = new RenderedFiles();
        System.out.printf("%-6s %-9s %-6s %8s %9s %8s %8s %8s %8s %7s %8s%n", "ed", "format", "noise", "reports",
                "cells%", "agency%", "year%", "edition%", "ident%", "errors", "rep/s");
        for (Edition edition : List.of(Edition.E2019, Edition.E2021)) {
            for (Format format : formats) {
                for (Noise noise : List.of(Noise.none(), Noise.all())) {
                    CorpusGenerator generator = new CorpusGenerator(seed);
                    Tally tally = new Tally();
                    long parsingNanos = 0;
                    for (int i = 0; i < count; i++) {
                        GeneratedReport report = generator.generate(edition, noise);
                        ExtractedDocument document;
                        try {
                            document = files.extract(renderer.render(report, format, noise), format, "report");
                        } catch (ExtractionException e) {
                            tally.failed(report, new IllegalStateException(e));
                            continue;
                        }
                        long start = System.nanoTime();
                        try {
                            ParsedReport parsed = parser.parse(document, ParseHints.none());
                            parsingNanos += System.nanoTime() - start;
                            tally.add(report, parsed);
                        } catch (RuntimeException e) {
                            parsingNanos += System.nanoTime() - start;
                            tally.failed(report, e);
                        }
                    }
                    System.out.printf("%-6s %-9s %-6s %8d %8.2f%% %7.1f%% %7.1f%% %7.1f%% %7.1f%% %7d %8.0f%n",
                            edition.code(), format, noise.kinds().isEmpty() ? "none" : "all", count,
                            tally.percent(tally.exactCells, tally.cells), tally.percent(tally.agency, count),
                            tally.percent(tally.year, count), tally.percent(tally.edition, count),
                            tally.percent(tally.identity, count), tally.exceptions,
                            count / Math.max(1e-9, parsingNanos / 1e9));
                    tally.printWorstCells();
                }
            }
        }
        files.close();
    }

    /** Counts of what the parser got right. */
    private static final class Tally {
        long cells;
        long exactCells;
        int agency;
        int year;
        int edition;
        int identity;
        int exceptions;
        String firstException;
        final Map<String, Integer> missedByRow = new TreeMap<>();

        void add(GeneratedReport report, ParsedReport parsed) {
            Identity truth = report.identity();
            Identity got = parsed.identity();
            boolean agencyOk = got != null && Objects.equals(truth.agency(), got.agency());
            boolean yearOk = got != null && Objects.equals(truth.year(), got.year());
            boolean editionOk = got != null && truth.edition() == got.edition();
            agency += agencyOk ? 1 : 0;
            year += yearOk ? 1 : 0;
            edition += editionOk ? 1 : 0;
            identity += agencyOk && yearOk && editionOk ? 1 : 0;
            Map<String, Cell> parsedCells = parsed.cells() == null ? Map.of() : parsed.cells();
            for (Map.Entry<String, Cell> e : report.cells().entrySet()) {
                cells++;
                Cell want = e.getValue();
                Cell have = parsedCells.get(e.getKey());
                boolean exact = have != null && have.semantic() == want.semantic()
                        && (want.value() == null
                                ? have.value() == null
                                : have.value() != null && want.value().compareTo(have.value()) == 0);
                if (exact) {
                    exactCells++;
                } else {
                    String row = e.getKey().substring(0, e.getKey().lastIndexOf('.'));
                    missedByRow.merge(row, 1, Integer::sum);
                }
            }
        }

        void failed(GeneratedReport report, RuntimeException e) {
            exceptions++;
            cells += report.cells().size();
            if (firstException == null) {
                firstException = e + " on " + report.identity().title();
            }
        }

        double percent(long part, long whole) {
            return whole == 0 ? 0 : 100.0 * part / whole;
        }

        void printWorstCells() {
            if (firstException != null) {
                System.out.println("    first exception: " + firstException);
            }
            missedByRow.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(5)
                    .forEach(e -> System.out.printf("    missed %-45s %6d cells%n", e.getKey(), e.getValue()));
        }
    }
}
