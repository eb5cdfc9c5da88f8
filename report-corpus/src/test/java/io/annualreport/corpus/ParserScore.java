package io.annualreport.corpus;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.report.Cell;
import io.annualreport.model.report.Edition;
import io.annualreport.model.report.Identity;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.parser.ParseHints;
import io.annualreport.parser.ReportParser;

/**
 * How well report-parser reads generated reports of one edition, text format and noise against their ground truth:
 * exact cells (semantic and value), and reports whose agency, year and edition are all right.
 */
final class ParserScore {

    long cells;
    long exactCells;
    int reports;
    int identityRight;
    int exceptions;
    final Map<String, Integer> missedCellsByRow = new TreeMap<>();
    final Map<String, Integer> identityMisses = new TreeMap<>();

    /** Generates, renders and parses {@code count} reports and scores them. */
    static ParserScore measure(Edition edition, Format format, Noise noise, int count, long seed) {
        ReportParser parser = new ReportParser();
        ReportRenderer renderer = new ReportRenderer();
        CorpusGenerator generator = new CorpusGenerator(seed);
        ParserScore score = new ParserScore();
        for (int i = 0; i < count; i++) {
            GeneratedReport report = generator.generate(edition, noise);
            String text = renderer.renderText(report, format, noise);
            try {
                score.add(report,
                        parser.parse(new ExtractedDocument(text, List.of(), List.of(), null), ParseHints.none()));
            } catch (RuntimeException e) {
                score.reports++;
                score.exceptions++;
                score.cells += report.cells().size();
            }
        }
        return score;
    }

    void add(GeneratedReport report, ParsedReport parsed) {
        reports++;
        Identity truth = report.identity();
        Identity got = parsed.identity();
        boolean agency = got != null && Objects.equals(truth.agency(), got.agency());
        boolean year = got != null && Objects.equals(truth.year(), got.year());
        boolean edition = got != null && truth.edition() == got.edition();
        if (agency && year && edition) {
            identityRight++;
        } else {
            identityMisses.merge((agency ? "" : "agency ") + (year ? "" : "year ") + (edition ? "" : "edition"), 1,
                    Integer::sum);
        }
        Map<String, Cell> parsedCells = parsed.cells() == null ? Map.of() : parsed.cells();
        for (Map.Entry<String, Cell> e : report.cells().entrySet()) {
            cells++;
            if (exact(e.getValue(), parsedCells.get(e.getKey()))) {
                exactCells++;
            } else {
                missedCellsByRow.merge(e.getKey().substring(0, e.getKey().lastIndexOf('.')), 1, Integer::sum);
            }
        }
    }

    private static boolean exact(Cell want, Cell have) {
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
        return String.format("%d reports, %.3f%% cells exact (%d of %d), identity+edition %.1f%% %s, %d exceptions,"
                + " worst rows %s", reports, 100 * cellsExactShare(), exactCells, cells, 100 * identityShare(),
                identityMisses, exceptions, worstRows(4));
    }
}
