package io.annualreport.parser.tables;

import java.util.ArrayList;
import java.util.List;

import io.annualreport.model.report.CellSemantic;
import io.annualreport.parser.text.SourceLine;

/**
 * Groups the tokens of a table region into rows: label text followed by values. A label wrapped over several lines,
 * or a group label printed only before its first row, joins the label of the row whose values come next. In a markup
 * table a blank cell keeps its column: after the label, and from the first cell of a row that has no label cell (the
 * T4 row).
 */
public final class BlockBuilder {

    private BlockBuilder() {
    }

    /** The rows of lines {@code from} (inclusive) to {@code to} (exclusive). */
    public static List<Block> build(List<SourceLine> lines, int from, int to) {
        List<Block> blocks = new ArrayList<>();
        Block current = new Block();
        for (int i = Math.max(0, from); i < Math.min(to, lines.size()); i++) {
            boolean valueOnLine = false;
            boolean labelOnLine = false;
            boolean grid = lines.get(i).cells() != null;
            if (grid) {
                current.markFromGrid();
            }
            List<Token> tokens = LineTokenizer.tokens(lines.get(i));
            boolean onlyValueCells = grid && tokens.stream().noneMatch(Token::isLabel)
                    && tokens.stream().anyMatch(t -> t.value().semantic() != CellSemantic.EMPTY);
            for (Token token : tokens) {
                if (token.isLabel()) {
                    if (current.hasValues()) {
                        blocks.add(current);
                        current = new Block();
                        if (grid) {
                            current.markFromGrid();
                        }
                    }
                    current.addLabel(token);
                    labelOnLine = true;
                } else if (token.value().semantic() == CellSemantic.EMPTY) {
                    if (valueOnLine || grid && (labelOnLine || onlyValueCells)) {
                        current.addValue(token);
                    }
                } else {
                    current.addValue(token);
                    valueOnLine = true;
                }
            }
            if (labelOnLine && valueOnLine) {
                blocks.add(current);
                current = new Block();
            }
        }
        if (!current.isEmpty()) {
            blocks.add(current);
        }
        return blocks;
    }
}
