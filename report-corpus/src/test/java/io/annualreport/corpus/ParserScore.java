package io.annualreport.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.annualreport.extraction.ExtractionException;
import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.report.Cell;
import io.annualreport.model.report.Identity;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.template.Edition;
import io.annualreport.parser.ParseHints;
import io.annualreport.parser.ReportParser;

/**
 * How well report-parser reads generated reports of one edition, text format and noise against their ground truth:
 * exact cells (semantic and value), and reports whose agency, year and edition are all right.
 */
final class ParserScore {

    private static final int WORKERS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

    long cells;
    long exactCells;
    /** Cells read as certain with another value or meaning than the truth: the number that must stay 0. */
    long confidentWrong;
    /** Cells read with a doubt (right or wrong). */
    long doubtful;
    int reports;
    int identityRight;
    /** Reports whose six parts were all found. */
    int partsRight;
    int exceptions;
    String firstException;
    String firstConfidentWrong;
    final Map<String, Integer> missedCellsByRow = new TreeMap<>();
    final Map<String, Integer> identityMisses = new TreeMap<>();

    /**
     * Generates, renders and parses {@code count} reports and scores them. TEXT and MARKDOWN are handed to the parser
     * as extracted text; HTML and DOCX are written to a file and read by report-extraction's TikaTextExtractor first,
     * as parse-service does. Reports are generated in order (the same reports for a seed); rendering, extraction and
     * parsing run on up to two threads, which changes nothing in the score.
     */
    static ParserScore measure(Edition edition, Format format, Noise noise, int count, long seed) {
        return measure(edition, format, noise, (NoiseKind) null, count, seed);
    }

    /**
     * The same over {@code count} reports that carry one shape: reports generated without {@code shape} planned are
     * passed over (generating is cheap; rendering and reading are what cost).
     */
    static ParserScore measure(Edition edition, Format format, Noise noise, NoiseKind shape, int count, long seed) {
        return measure(edition, format, noise,
                shape == null ? report -> true : report -> !report.noise(shape).isEmpty(),
                count, seed);
    }

    /** The same over {@code count} reports that the predicate takes; the others are passed over. */
    static ParserScore measure(Edition edition, Format format, Noise noise,
            java.util.function.Predicate<GeneratedReport> wanted, int count, long seed) {
        ReportParser parser = new ReportParser();
        ReportRenderer renderer = new ReportRenderer();
        CorpusGenerator generator = new CorpusGenerator(seed);
        ParserScore score = new ParserScore();
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        try (RenderedFiles files = new RenderedFiles()) {
            List<Future<?>> work = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                GeneratedReport report = generator.generate(edition, noise);
                while (!wanted.test(report)) {
                    report = generator.generate(edition, noise);
                }
                GeneratedReport drawn = report;
                String name = "report-" + i;
                work.add(workers.submit(() -> score.read(drawn, format, noise, name, renderer, files, parser)));
            }
            for (Future<?> done : work) {
                done.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scoring", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("scoring failed", e.getCause());
        } finally {
            workers.shutdownNow();
        }
        return score;
    }

    private void read(GeneratedReport report, Format format, Noise noise, String name, ReportRenderer renderer,
            RenderedFiles files, ReportParser parser) {
        ParsedReport parsed;
        try {
            ExtractedDocument document = files.extract(renderer.render(report, format, noise), format, name);
            parsed = parser.parse(document, ParseHints.none());
        } catch (RuntimeException | ExtractionException e) {
            failed(report, e);
            return;
        }
        add(report, parsed);
    }

    synchronized void failed(GeneratedReport report, Exception e) {
        reports++;
        exceptions++;
        cells += report.cells().size();
        if (firstException == null) {
            firstException = e + " on " + report.identity().title();
        }
    }

    synchronized void add(GeneratedReport report, ParsedReport parsed) {
        reports++;
        Identity truth = report.identity();
        Identity got = parsed.identity();
        boolean agency = got != null && Objects.equals(truth.agency(), got.agency())
                && (truth.agencyFull() == null || Objects.equals(truth.agencyFull(), got.agencyFull()));
        boolean year = got != null && Objects.equals(truth.year(), got.year());
        boolean edition = got != null && truth.edition() == got.edition();
        if (agency && year && edition) {
            identityRight++;
        } else {
            identityMisses.merge((agency ? "" : "agency ") + (year ? "" : "year ") + (edition ? "" : "edition"), 1,
                    Integer::sum);
        }
        if (parsed.sections() != null && parsed.sections().stream().map(s -> s.number()).distinct().count() == 6) {
            partsRight++;
        }
        Map<String, Cell> parsedCells = parsed.cells() == null ? Map.of() : parsed.cells();
        for (Map.Entry<String, Cell> e : report.cells().entrySet()) {
            cells++;
            Cell have = parsedCells.get(e.getKey());
            if (have != null && !have.isCertain()) {
                doubtful++;
            }
            if (exact(e.getValue(), have)) {
                exactCells++;
            } else {
                if (have != null && have.isCertain()) {
                    confidentWrong++;
                    if (firstConfidentWrong == null) {
                        firstConfidentWrong = e.getKey() + " read \"" + have.raw() + "\" " + have.semantic()
                                + ", truth \"" + e.getValue().raw() + "\" in " + truth.title();
                    }
                }
                missedCellsByRow.merge(e.getKey().substring(0, e.getKey().lastIndexOf('.')), 1, Integer::sum);
            }
        }
    }

    /** Whether a read cell has the truth's meaning and value. */
    static boolean exact(Cell want, Cell have) {
        return have != null && have.semantic() == want.semantic()
                && (want.value() == null
                        ? have.value() == null
                        : have.value() != null && want.value().compareTo(have.value()) == 0);
    }

    double cellsExactShare() {
        return cells == 0 ? 0 : (double) exactCells / cells;
    }

    double identityShare() {
        return reports == 0 ? 0 : (double) identityRight / reports;
    }

    Map<String, Integer> worstRows(int limit) {
        Map<String, Integer> worst = new TreeMap<>();
        missedCellsByRow.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(limit)
                .forEach(e -> worst.put(e.getKey(), e.getValue()));
        return worst;
    }

    @Override
    public String toString() {
        return String.format("%d reports, %.3f%% cells exact (%d of %d), %d doubtful, %d confident-wrong%s,"
                + " identity+edition %.1f%% %s, six parts %d, %d exceptions, worst rows %s%s", reports,
                100 * cellsExactShare(), exactCells, cells, doubtful, confidentWrong,
                firstConfidentWrong == null ? "" : " (first: " + firstConfidentWrong + ")", 100 * identityShare(),
                identityMisses, partsRight, exceptions, worstRows(4),
                firstException == null ? "" : ", first: " + firstException);
    }
}
