package io.annualreport.parser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.report.Cell;
import io.annualreport.model.report.CellSemantic;
import io.annualreport.model.report.Doubt;
import io.annualreport.model.report.Extraction;
import io.annualreport.model.report.ExtractionMethod;
import io.annualreport.model.report.Fact;
import io.annualreport.model.report.Identity;
import io.annualreport.model.report.ParseWarning;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.report.ReadingReport;
import io.annualreport.model.report.Section;
import io.annualreport.model.report.TableReading;
import io.annualreport.model.template.Edition;
import io.annualreport.model.text.TextFolding;
import io.annualreport.parser.facts.FactExtractor;
import io.annualreport.parser.facts.SentenceFacts;
import io.annualreport.parser.identity.EditionDetector;
import io.annualreport.parser.identity.IdentityReader;
import io.annualreport.parser.reading.IdentityDoubts;
import io.annualreport.parser.reading.PartReadings;
import io.annualreport.parser.sections.SectionSplitter;
import io.annualreport.parser.tables.LineTokenizer;
import io.annualreport.parser.tables.TableReader;
import io.annualreport.parser.tables.TableRegions;
import io.annualreport.parser.text.DocumentLines;
import io.annualreport.parser.text.SourceLine;
import io.annualreport.parser.text.Traces;

/**
 * Reads extracted text (and, where extraction gives them, positioned lines and markup tables) into the canonical
 * report model: identity and edition, the six parts, T2/T3/T4 cells and narrative facts, and the reading report that
 * says what was read, how surely, and what could not be read and why. Stateless and thread-safe.
 */
public final class ReportParser {

    /** Version of the parser, recorded with every parse run. */
    public static final String VERSION = "0.4.0";

    /** Parses one extracted document. */
    public ParsedReport parse(ExtractedDocument document, ParseHints hints) {
        String text = document.text() == null ? "" : document.text().replace("\r\n", "\n").replace('\r', '\n');
        ParseHints safeHints = hints == null ? ParseHints.none() : hints;
        List<ParseWarning> warnings = new ArrayList<>();
        List<SourceLine> lines = DocumentLines.of(text, document.lines());

        SectionSplitter.Parts parts = SectionSplitter.split(lines, text, warnings);
        List<Section> sections = parts.sections();
        Edition edition = EditionDetector.detect(TextFolding.compact(text));
        if (edition == Edition.MIXED) {
            warnings.add(new ParseWarning("EDITION_MIXED", "identity.edition",
                    "markers of both the 2019 and the 2021 format are printed"));
        }
        int firstHeading = firstKnown(parts.headingLines());
        String part1 = sections.stream().filter(s -> s.number() == 1).findFirst()
                .map(s -> text.substring(0, s.end())).orElse(text);
        Identity identity = IdentityReader.read(lines, firstHeading, part1, edition, "markers",
                safeHints.declaredAgency(), safeHints.declaredYear(), safeHints.fileName());
        if (identity.agency() == null) {
            warnings.add(new ParseWarning("AGENCY_NOT_FOUND", "identity.agency",
                    "no agency in a title line, in the opening of the body or in the submission"));
        }
        if (identity.year() == null) {
            warnings.add(new ParseWarning("YEAR_NOT_FOUND", "identity.year",
                    "no report year in a title line, in the body or in the submission"));
        }

        List<SourceLine> tableLines = lines;
        int[] headings = parts.headingLines();
        boolean markup = document.tables() != null && !document.tables().isEmpty();
        if (markup) {
            tableLines = DocumentLines.ofTables(document.tables(), lines);
            headings = new int[]{-1, -1, -1, -1, -1, -1};
        }
        TableRegions regions = TableRegions.locate(tableLines, headings);
        boolean textCut = endsInTable(lines, parts.headingLines(), regions, markup);
        List<String> damage = new ArrayList<>(document.damage());
        if (textCut) {
            damage.add("TEXT_ENDS_IN_TABLE: 文本在表格中途结束，其后未见第五、六部分，文件可能不完整");
            warnings.add(new ParseWarning("TEXT_ENDS_IN_TABLE", "reading",
                    "the text ends in a table row and parts 五 and 六 follow nowhere: read as cut short"));
        }
        boolean complete = damage.isEmpty();
        TableReader.Result tables = TableReader.read(tableLines, lines, regions, identity.edition(),
                new TableReader.Context(complete, textCut, readByOcr(document.extraction())), warnings);
        Map<String, Cell> cells = tables.cells();
        if (!document.complete()) {
            cells = fromDamagedFile(cells);
        }
        List<TableReading> tableReadings = recount(tables.readings(), cells);
        List<Fact> facts = new ArrayList<>(FactExtractor.extract(text, sections));
        facts.addAll(SentenceFacts.extract(sections));
        ReadingReport reading = new ReadingReport(PartReadings.of(lines, parts, regions, complete), tableReadings,
                complete, damage, IdentityDoubts.of(identity));
        return new ParsedReport(identity, sections, cells, facts, document.extraction(), warnings, text, reading,
                DocumentLines.positionsOf(text, document.lines(), cells.values()));
    }

    /**
     * Whether the text stops inside its last table: parts 五 and 六 are nowhere, and the last printed line is a table
     * row with values or lies inside the last table's lines.
     */
    private static boolean endsInTable(List<SourceLine> lines, int[] headingLines, TableRegions regions,
            boolean markup) {
        if (headingLines[4] >= 0 || headingLines[5] >= 0) {
            return false;
        }
        int lastTable = Math.max(regions.t2Start(), Math.max(regions.t3Start(), regions.t4Start()));
        if (lastTable < 0) {
            return false;
        }
        for (int i = lines.size() - 1; i >= 0; i--) {
            SourceLine line = lines.get(i);
            if (line.compact().isEmpty() || LineTokenizer.isPageMarker(line.norm())) {
                continue;
            }
            boolean values = LineTokenizer.tokens(line).stream()
                    .anyMatch(t -> !t.isLabel() && t.value().semantic() != CellSemantic.EMPTY);
            return values || !markup && i >= lastTable && Traces.isShort(line);
        }
        return false;
    }

    private static boolean readByOcr(Extraction extraction) {
        if (extraction == null) {
            return false;
        }
        return extraction.method() == ExtractionMethod.OCR || extraction.pageMethods() != null
                && extraction.pageMethods().stream().anyMatch(p -> p.method() == ExtractionMethod.OCR);
    }

    /** Every certain cell marked as read from a damaged file. */
    private static Map<String, Cell> fromDamagedFile(Map<String, Cell> cells) {
        Map<String, Cell> marked = new LinkedHashMap<>();
        cells.forEach((key, cell) -> marked.put(key, cell.isCertain() ? cell.doubtful(Doubt.DAMAGED_FILE) : cell));
        return marked;
    }

    /** The table readings with their doubtful cells counted again after cells were marked. */
    private static List<TableReading> recount(List<TableReading> readings, Map<String, Cell> cells) {
        List<TableReading> out = new ArrayList<>();
        for (TableReading t : readings) {
            String prefix = t.table().prefix() + ".";
            int doubtful = (int) cells.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(prefix) && !e.getValue().isCertain()).count();
            out.add(new TableReading(t.table(), t.status(), t.foundBy(), t.rowsExpected(), t.rowsRead(),
                    t.cellsExpected(), t.cellsRead(), doubtful, t.unread()));
        }
        return out;
    }

    private static int firstKnown(int[] headingLines) {
        for (int line : headingLines) {
            if (line >= 0) {
                return line;
            }
        }
        return -1;
    }
}
