package io.annualreport.parser.tables;

import java.util.ArrayList;
import java.util.List;

import io.annualreport.model.report.CellSemantic;
import io.annualreport.model.text.TextFolding;
import io.annualreport.parser.text.SourceLine;

/**
 * Groups the tokens of a table region into rows: label text followed by values. A label wrapped over several lines,
 * or a group label printed only before its first row, joins the label of the row whose values come next. In a markup
 * table a blank cell keeps its column: after the label, and from the first cell of a row that has no label cell (the
 * T4 row); so it does in a tab-separated line that was not made from OCR runs. In a PDF whose narrow label column centres a wrapped label on its row, the label's last piece is printed
 * below the row's numbers ("3.危及“三安全一" / numbers / "稳定”" / "4.保护第三方合法" / numbers): a label-only line
 * right after a row's values, not starting with an item number, and followed by another label-only line, is that
 * piece and stays with the row above. A numbered label without values followed by another numbered label is a row of
 * its own, printed without values, not the first half of the next row's label. An unnumbered label-only line after a
 * row's values and before a numbered row is the end of that row's label ("处理 | numbers" / "出版物" / "4.无正当…"); a
 * numbered label-only line right after numbers that have no label is their label, printed a little lower (a scan's
 * "numbers" / "(七)总计" / "四、结转… | numbers").
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
            boolean positional = LineTokenizer.isPositional(lines.get(i));
            if (grid) {
                current.markFromGrid();
            }
            if (LineTokenizer.isHeaderRow(lines.get(i))) {
                // a markdown table's header: it names columns, it is no row's label; the row above ends here
                if (current.hasValues()) {
                    blocks.add(current);
                    current = new Block();
                }
                continue;
            }
            List<Token> tokens = LineTokenizer.tokens(lines.get(i));
            if (!grid && current.hasValues() && isLabelOnly(tokens) && !startsWithItemNumber(tokens)
                    && (nextIsLabelOnly(lines, i + 1, to)
                            || !positional && nextStartsWithItemNumber(lines, i + 1, to))) {
                tokens.forEach(current::addLabel);
                continue;
            }
            Block previous = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
            if (!grid && !positional && current.isEmpty() && previous != null && previous.hasValues()
                    && !previous.label().isEmpty() && isLabelOnly(tokens) && !startsWithItemNumber(tokens)
                    && nextStartsWithItemNumber(lines, i + 1, to)) {
                // "3.要求提供公开" / "处理 | numbers" / "出版物" / "4.无正当理由大…": the last piece of the label of the
                // row above, printed below its numbers, before the next numbered row
                tokens.forEach(previous::addLabel);
                continue;
            }
            if (!grid && !positional && current.hasValues() && current.label().isEmpty() && isLabelOnly(tokens)
                    && startsWithItemNumber(tokens) && !nextIsValuesOnly(lines, i + 1, to)) {
                // numbers printed a little above their row's label ("0 0 0 …" / "(七) 总计" / "四、…| numbers"): the
                // label belongs to the numbers just before it, not to the row below
                tokens.forEach(current::addLabel);
                blocks.add(current);
                current = new Block();
                continue;
            }
            if (!grid && current.hasValues() && isLabelOnly(tokens) && endsLabelAboveBesideGroupLabel(tokens)
                    && nextIsLabelOnly(lines, i + 1, to)) {
                // "(五) 不予 | 出版物": the next rows' group label beside the last piece of the row above's label
                tokens.subList(1, tokens.size()).forEach(current::addLabel);
                blocks.add(current);
                current = new Block();
                current.addLabel(tokens.get(0));
                if (positional) {
                    current.markPositional();
                }
                continue;
            }
            boolean onlyValueCells = positional && tokens.stream().noneMatch(Token::isLabel)
                    && tokens.stream().anyMatch(t -> t.value().semantic() != CellSemantic.EMPTY);
            if (onlyValueCells && tokens.size() > 1 && current.hasValues()) {
                // a line of several cells is one row: values-only cells after a row's values are the next row (a row
                // of "-" placeholders under a header, then the numbers), not more values of the same row (a text
                // printing one cell per line, "0 |", keeps its values together)
                blocks.add(current);
                current = new Block();
            }
            for (Token token : tokens) {
                if (token.isLabel()) {
                    if (!labelOnLine && !current.hasValues()
                            && sameItemKind(current.label(), TextFolding.compact(token.text()))) {
                        // a numbered row printed without values, then the next row numbered alike: two rows, not one
                        // label (a group label, numbered otherwise, still joins the row below it)
                        blocks.add(current);
                        current = new Block();
                        if (grid) {
                            current.markFromGrid();
                        }
                    }
                    if (current.hasValues()) {
                        blocks.add(current);
                        current = new Block();
                        if (grid) {
                            current.markFromGrid();
                        }
                    }
                    current.addLabel(token);
                    if (positional) {
                        current.markPositional();
                    }
                    labelOnLine = true;
                } else if (token.value().semantic() == CellSemantic.EMPTY) {
                    if (valueOnLine || positional && (labelOnLine || onlyValueCells)) {
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
            } else if (positional && labelOnLine
                    && current.values().size() > tokens.stream().filter(Token::isLabel).count()) {
                // a label followed by blank cells only, more of them than labels (a header line ends with a few
                // blank spans): a row printed blank, not the first line of the next label
                blocks.add(current);
                current = new Block();
            }
        }
        if (!current.isEmpty()) {
            blocks.add(current);
        }
        return blocks;
    }

    /**
     * A line of a group label (numbered "(五)" or "三、") in its own column followed by cells that carry no item number:
     * those cells are the end of a label wrapped round its row's numbers, printed beside the group label that starts the
     * rows below.
     */
    private static boolean endsLabelAboveBesideGroupLabel(List<Token> tokens) {
        if (tokens.size() < 2 || !startsWithItemNumber(tokens)
                || itemKind(TextFolding.compact(tokens.get(0).text())) == '1') {
            return false;
        }
        return tokens.subList(1, tokens.size()).stream()
                .noneMatch(t -> startsWithItemNumber(TextFolding.compact(t.text())));
    }

    private static boolean isLabelOnly(List<Token> tokens) {
        return !tokens.isEmpty() && tokens.stream().allMatch(Token::isLabel);
    }

    private static boolean startsWithItemNumber(List<Token> tokens) {
        return startsWithItemNumber(TextFolding.compact(tokens.get(0).text()));
    }

    private static boolean startsWithItemNumber(String compactLabel) {
        return !compactLabel.isEmpty() && RowAligner.ITEM_NUMBER.matcher(compactLabel).lookingAt();
    }

    /** Whether two labels both start with an item number of the same kind: "4." and "5.", or "(一)" and "(二)". */
    private static boolean sameItemKind(String first, String second) {
        if (!startsWithItemNumber(first) || !startsWithItemNumber(second)) {
            return false;
        }
        return itemKind(first) == itemKind(second);
    }

    private static char itemKind(String compactLabel) {
        char c = compactLabel.charAt(0);
        return Character.isDigit(c) ? '1' : c == '(' ? '(' : '一';
    }

    /** Whether the next line that has any token, before {@code to}, starts with a numbered label ("4." or "(五)"). */
    private static boolean nextStartsWithItemNumber(List<SourceLine> lines, int from, int to) {
        for (int j = from; j < Math.min(to, lines.size()); j++) {
            List<Token> tokens = LineTokenizer.tokens(lines.get(j));
            if (!tokens.isEmpty()) {
                return tokens.get(0).isLabel() && startsWithItemNumber(tokens);
            }
        }
        return false;
    }

    /** Whether the next line that has any token, before {@code to}, carries values and no label. */
    private static boolean nextIsValuesOnly(List<SourceLine> lines, int from, int to) {
        for (int j = from; j < Math.min(to, lines.size()); j++) {
            List<Token> tokens = LineTokenizer.tokens(lines.get(j));
            if (!tokens.isEmpty()) {
                return tokens.stream().noneMatch(Token::isLabel);
            }
        }
        return false;
    }

    /** Whether the next line that has any token, before {@code to}, carries a label and no value. */
    private static boolean nextIsLabelOnly(List<SourceLine> lines, int from, int to) {
        for (int j = from; j < Math.min(to, lines.size()); j++) {
            List<Token> tokens = LineTokenizer.tokens(lines.get(j));
            if (!tokens.isEmpty()) {
                return lines.get(j).cells() == null && isLabelOnly(tokens) && !LineTokenizer.isHeaderRow(lines.get(j));
            }
        }
        return false;
    }
}
