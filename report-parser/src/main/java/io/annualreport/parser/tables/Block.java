package io.annualreport.parser.tables;

import java.util.ArrayList;
import java.util.List;

import io.annualreport.model.report.CellSemantic;
import io.annualreport.model.text.TextFolding;

/** A printed table row as read: its label text (possibly wrapped over lines) and the cell values that follow it. */
public final class Block {

    private final StringBuilder label = new StringBuilder();
    private final List<Token> values = new ArrayList<>();
    private int firstLine = -1;
    private String compactLabel;

    private boolean fromGrid;

    void addLabel(Token token) {
        if (firstLine < 0) {
            firstLine = token.line();
        }
        if (!hasValues()) {
            values.clear();
        }
        label.append(token.text());
        compactLabel = null;
    }

    void addValue(Token token) {
        if (firstLine < 0) {
            firstLine = token.line();
        }
        values.add(token);
    }

    /** The label text in matching form, without whitespace. */
    public String label() {
        if (compactLabel == null) {
            compactLabel = TextFolding.compact(label.toString());
        }
        return compactLabel;
    }

    /** The value tokens, blanks included. */
    public List<Token> values() {
        return values;
    }

    /** Whether any printed (non-blank) value follows the label. */
    public boolean hasValues() {
        for (Token t : values) {
            if (t.value().semantic() != CellSemantic.EMPTY) {
                return true;
            }
        }
        return false;
    }

    private boolean positional;

    void markPositional() {
        positional = true;
    }

    /** Whether the row came from a line whose cells keep their columns (markup cells or tab-separated cells). */
    public boolean positional() {
        return positional;
    }

    void markFromGrid() {
        fromGrid = true;
    }

    /** Whether the row came from a markup table grid, where spanning cells repeat their text. */
    public boolean fromGrid() {
        return fromGrid;
    }

    /** 0-based source line of the first token. */
    public int firstLine() {
        return firstLine;
    }

    boolean isEmpty() {
        return label.length() == 0 && values.isEmpty();
    }
}
