package io.annualreport.extraction;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import io.annualreport.model.document.TableGrid;

/**
 * Reads Tika's XHTML events into plain text (one block or table row per line, cells separated by tabs) and table
 * grids with rowspan and colspan expanded. Keeps no recursion and caps element depth, so deeply nested markup cannot
 * exhaust the stack or the heap.
 */
final class StructuredTextHandler extends DefaultHandler {

    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br",
            "title", "pre", "blockquote", "section", "article", "dt", "dd", "caption");
    private static final Set<String> SKIPPED = Set.of("script", "style", "head", "noscript");

    private final int maxDepth;
    private final int maxCharacters;
    private final StringBuilder text = new StringBuilder();
    private final List<TableGrid> tables = new ArrayList<>();
    private final Deque<TableState> openTables = new ArrayDeque<>();
    private int depth;
    private int skipDepth;
    private int characters;

    private static final class TableState {
        final TableGridBuilder grid = new TableGridBuilder();
        final int textOffset;
        StringBuilder cell;
        int rowspan;
        int colspan;

        TableState(int textOffset) {
            this.textOffset = textOffset;
        }
    }

    StructuredTextHandler(int maxDepth, int maxCharacters) {
        this.maxDepth = maxDepth;
        this.maxCharacters = maxCharacters;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        Interruption.check();
        depth++;
        if (depth > maxDepth) {
            throw new MarkupTooDeepException(maxDepth);
        }
        String name = name(localName, qName);
        if (skipDepth > 0 || SKIPPED.contains(name)) {
            skipDepth++;
            return;
        }
        TableState table = openTables.peek();
        switch (name) {
            case "table" -> {
                if (table != null && table.cell != null) {
                    // A table inside a cell: its text becomes part of the cell, its grid is kept on its own.
                    table.cell.append(' ');
                }
                openTables.push(new TableState(text.length()));
            }
            case "tr" -> {
                if (table != null) {
                    table.grid.startRow();
                }
            }
            case "td", "th" -> {
                if (table != null) {
                    table.cell = new StringBuilder();
                    table.rowspan = span(atts.getValue("rowspan"));
                    table.colspan = span(atts.getValue("colspan"));
                }
            }
            default -> {
                if (BLOCKS.contains(name)) {
                    breakBlock();
                }
            }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        depth--;
        String name = name(localName, qName);
        if (skipDepth > 0) {
            skipDepth--;
            return;
        }
        TableState table = openTables.peek();
        switch (name) {
            case "td", "th" -> {
                if (table != null && table.cell != null) {
                    table.grid.addCell(cellText(table.cell), table.rowspan, table.colspan);
                    table.cell = null;
                }
            }
            case "tr" -> {
                if (table != null) {
                    table.grid.endRow();
                }
            }
            case "table" -> closeTable();
            default -> {
                if (BLOCKS.contains(name)) {
                    breakBlock();
                }
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        Interruption.check();
        if (skipDepth > 0) {
            return;
        }
        characters += length;
        if (characters > maxCharacters) {
            throw new TextTooLongException(maxCharacters);
        }
        TableState table = openTables.peek();
        if (table != null) {
            if (table.cell != null) {
                table.cell.append(ch, start, length);
            }
            return;
        }
        for (int i = start; i < start + length; i++) {
            char c = ch[i];
            text.append(c == '\t' || c == '\r' || c == '\u00a0' ? ' ' : c);
        }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        // layout whitespace between elements carries no text
    }

    @Override
    public void endDocument() {
        while (!openTables.isEmpty()) {
            closeTable();
        }
    }

    private void closeTable() {
        TableState finished = openTables.poll();
        if (finished == null) {
            return;
        }
        finished.grid.endRow();
        TableState outer = openTables.peek();
        if (outer != null && outer.cell != null) {
            String inner = finished.grid.text().replace('\t', ' ').replace('\n', ' ');
            outer.cell.append(inner).append(' ');
        } else {
            breakBlock();
        }
        if (!finished.grid.isEmpty()) {
            int offset = outer == null ? text.length() : finished.textOffset;
            if (outer == null) {
                text.append(finished.grid.text());
            }
            tables.add(new TableGrid(finished.grid.rows(), outer == null ? offset : -1));
        }
    }

    private void breakBlock() {
        if (!openTables.isEmpty()) {
            TableState table = openTables.peek();
            if (table.cell != null && table.cell.length() > 0) {
                table.cell.append(' ');
            }
            return;
        }
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        text.setLength(end);
        if (end > 0 && text.charAt(end - 1) != '\n') {
            text.append('\n');
        }
    }

    private static String cellText(StringBuilder cell) {
        return CellText.flatten(cell);
    }

    private static int span(String value) {
        if (value == null) {
            return 1;
        }
        try {
            return Math.max(1, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String name(String localName, String qName) {
        String name = localName == null || localName.isEmpty() ? qName : localName;
        return name.toLowerCase(java.util.Locale.ROOT);
    }

    /** The text, blocks and table rows on their own lines. */
    String text() {
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "\n";
    }

    List<TableGrid> tables() {
        return List.copyOf(tables);
    }

    /** Markup nested deeper than the cap: a decompression-bomb-like or broken file. */
    static final class MarkupTooDeepException extends SAXException {
        MarkupTooDeepException(int maxDepth) {
            super("markup nested deeper than " + maxDepth + " elements");
        }
    }

    /** More characters than the cap. */
    static final class TextTooLongException extends SAXException {
        TextTooLongException(int maxCharacters) {
            super("more than " + maxCharacters + " characters of text");
        }
    }
}
