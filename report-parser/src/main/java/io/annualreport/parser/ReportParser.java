package io.annualreport.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.report.Cell;
import io.annualreport.model.report.Edition;
import io.annualreport.model.report.Fact;
import io.annualreport.model.report.Identity;
import io.annualreport.model.report.ParseWarning;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.report.Section;
import io.annualreport.model.text.TextFolding;
import io.annualreport.parser.facts.FactExtractor;
import io.annualreport.parser.identity.EditionDetector;
import io.annualreport.parser.identity.IdentityReader;
import io.annualreport.parser.sections.SectionSplitter;
import io.annualreport.parser.tables.TableReader;
import io.annualreport.parser.tables.TableRegions;
import io.annualreport.parser.text.DocumentLines;
import io.annualreport.parser.text.SourceLine;

/**
 * Reads extracted text (and, where extraction gives them, positioned lines and markup tables) into the canonical
 * report model: identity and edition, the six parts, T2/T3/T4 cells and narrative facts. Stateless and thread-safe.
 */
public final class ReportParser {

    /** Version of the parser, recorded with every parse run. */
    public static final String VERSION = "0.2.3";

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
        Identity identity = IdentityReader.read(lines, firstHeading, part1, edition, "markers", safeHints);
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
        if (document.tables() != null && !document.tables().isEmpty()) {
            tableLines = DocumentLines.ofTables(document.tables(), lines);
            headings = new int[]{-1, -1, -1, -1, -1, -1};
        }
        TableRegions regions = TableRegions.locate(tableLines, headings);
        Map<String, Cell> cells = TableReader.read(tableLines, lines, regions, identity.edition(), warnings);
        List<Fact> facts = FactExtractor.extract(text, sections);
        return new ParsedReport(identity, sections, cells, facts, document.extraction(), warnings, text);
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
