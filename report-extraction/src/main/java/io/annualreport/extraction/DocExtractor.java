package io.annualreport.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.Table;
import org.apache.poi.hwpf.usermodel.TableCell;
import org.apache.poi.hwpf.usermodel.TableRow;

import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.document.TableGrid;
import io.annualreport.model.event.FailureReason;

/**
 * DOC (Word 97, also WPS files saved in that layout) with Apache POI's HWPF, the library under Tika's DOC parser,
 * because Tika's XHTML loses merged cells: Word 97 stores a horizontally merged cell as a wider cell, so the column
 * grid is rebuilt from the cell edges of all rows, and vertically merged cells repeat the cell above. A table whose
 * rows do not share a grid (each row with its own cells and widths, as a page saved from ragged HTML is) has more
 * distinct edges than any row has cells: its cells are then kept as each row prints them, one grid column each,
 * instead of being stretched over edges that belong to other rows.
 */
final class DocExtractor {

    /** Cell edges closer than this (in twips, 1/20 pt) are the same column boundary. */
    private static final int EDGE_TOLERANCE = 30;

    private final int maxCharacters;

    DocExtractor(int maxCharacters) {
        this.maxCharacters = maxCharacters;
    }

    ExtractedDocument extract(Path file, String mediaType, long started) throws ExtractionException {
        StringBuilder text = new StringBuilder();
        List<TableGrid> tables = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file);
                HWPFDocument document = new HWPFDocument(new DeadlineInputStream(in))) {
            Range range = document.getRange();
            int paragraphs = range.numParagraphs();
            for (int i = 0; i < paragraphs; i++) {
                Interruption.check();
                Paragraph paragraph = range.getParagraph(i);
                if (paragraph.isInTable()) {
                    Table table = range.getTable(paragraph);
                    TableGridBuilder grid = table(table);
                    if (!grid.isEmpty()) {
                        tables.add(new TableGrid(grid.rows(), text.length()));
                        text.append(grid.text());
                    }
                    i += Math.max(table.numParagraphs(), 1) - 1;
                } else {
                    String line = clean(paragraph.text()).strip();
                    if (!line.isEmpty()) {
                        text.append(line).append('\n');
                    }
                }
                if (text.length() > maxCharacters) {
                    throw new ExtractionException(FailureReason.TOO_LARGE,
                            "more than " + maxCharacters + " characters of text");
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof Interruption.Cancelled cancelled) {
                throw cancelled;
            }
            throw Failures.classify(e, "cannot read the DOC");
        }
        return StructuredDocument.of(text, tables, mediaType, started, "DOC");
    }

    private static TableGridBuilder table(Table table) {
        List<Integer> boundaries = boundaries(table);
        TableGridBuilder grid = new TableGridBuilder();
        if (boundaries.size() - 1 > widestRow(table)) {
            return ragged(table, grid);
        }
        for (int r = 0; r < table.numRows(); r++) {
            TableRow row = table.getRow(r);
            grid.startRow();
            int column = 0;
            for (int c = 0; c < row.numCells(); c++) {
                TableCell cell = row.getCell(c);
                int first = index(boundaries, cell.getLeftEdge());
                int last = index(boundaries, cell.getLeftEdge() + cell.getWidth());
                while (column < first) {
                    grid.addCell("", 1, 1);
                    column++;
                }
                int colspan = Math.max(1, last - first);
                if (cell.isVerticallyMerged() && !cell.isFirstVerticallyMerged()) {
                    grid.addContinuation(colspan);
                } else {
                    grid.addCell(CellText.flatten(clean(cell.text())), 1, colspan);
                }
                column += colspan;
            }
            grid.endRow();
        }
        return grid;
    }

    /** The most cells any row of the table has. */
    private static int widestRow(Table table) {
        int widest = 0;
        for (int r = 0; r < table.numRows(); r++) {
            widest = Math.max(widest, table.getRow(r).numCells());
        }
        return widest;
    }

    /** The table's rows with their own cells in order, one grid column each (no shared grid to place them on). */
    private static TableGridBuilder ragged(Table table, TableGridBuilder grid) {
        for (int r = 0; r < table.numRows(); r++) {
            TableRow row = table.getRow(r);
            grid.startRow();
            for (int c = 0; c < row.numCells(); c++) {
                grid.addCell(CellText.flatten(clean(row.getCell(c).text())), 1, 1);
            }
            grid.endRow();
        }
        return grid;
    }

    /** Every distinct cell edge of the table, left and right, in twips. */
    private static List<Integer> boundaries(Table table) {
        TreeSet<Integer> edges = new TreeSet<>();
        for (int r = 0; r < table.numRows(); r++) {
            TableRow row = table.getRow(r);
            for (int c = 0; c < row.numCells(); c++) {
                TableCell cell = row.getCell(c);
                edges.add(cell.getLeftEdge());
                edges.add(cell.getLeftEdge() + cell.getWidth());
            }
        }
        List<Integer> merged = new ArrayList<>();
        for (int edge : edges) {
            if (merged.isEmpty() || edge - merged.get(merged.size() - 1) > EDGE_TOLERANCE) {
                merged.add(edge);
            }
        }
        return merged;
    }

    private static int index(List<Integer> boundaries, int edge) {
        int best = 0;
        for (int i = 0; i < boundaries.size(); i++) {
            if (Math.abs(boundaries.get(i) - edge) < Math.abs(boundaries.get(best) - edge)) {
                best = i;
            }
        }
        return best;
    }

    /** Field codes removed, cell and paragraph marks and other control characters turned into spaces. */
    private static String clean(String raw) {
        String text = Range.stripFields(raw);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) || c == '\u00a0' ? ' ' : c);
        }
        return out.toString();
    }
}
