package io.annualreport.extraction;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The policy for reading the number cells of a table grid as what they are: which inked grid cells hold a number (no
 * Chinese character read there, only digits and digit-like marks or nothing at all), how their reading as one line
 * of digits ({@code --psm 7} with a digit whitelist) is judged against what the page and cell passes read there, and
 * the word that replaces them: confident only where the readings agree, or where the other passes read nothing and the
 * ink is shaped like the digits read; doubtful otherwise. A number is never read confidently from one guess.
 */
final class NumberCells {

    /** Characters Tesseract may return for a number cell: digits, the decimal point, a thousands comma, a dash. */
    static final String WHITELIST = "0123456789.,-";
    /**
     * The language the numbers are read in where installed (Tesseract's English model, which comes with Tesseract):
     * on digits it is sure where the Chinese model hesitates (a rendered "105" at 97 against 81, "26" at 97 against 82,
     * a narrow "1" found where the Chinese model finds nothing); the page's language otherwise.
     */
    static final String LANGUAGE = "eng";
    /** One line of text: a lone digit is often lost in a block ({@code --psm 6}) but found as a line. */
    static final String SEGMENTATION = "7";
    /** The longest reading (characters, spaces left out) of a cell still taken for a number. */
    static final int MAX_LENGTH = 12;
    /** The longest reading of a cell in a column of numbers still taken for a misread number. */
    static final int MAX_MISREAD = 3;
    /** Cells whose left and right borders lie within this many pixels share a column. */
    private static final int SAME_BORDER = 8;
    /** Cells of a column besides the one judged, at least, for the column to count. */
    private static final int MIN_COLUMN = 3;
    /** The share of a column's other cells read as digits for it to be a column of numbers. */
    private static final double COLUMN_SHARE = 0.6;
    /** A word read with less confidence than this is no opinion on what a cell holds (a "|" at 0 for a "1"). */
    static final float NO_OPINION = 40f;
    /** A point or comma after the last digit of a reading. */
    private static final Pattern TRAILING_SPECK = Pattern.compile("(?<=\\d)[.,]+$");
    /** The confidence given to a reading the passes disagree on: below any "certain" threshold of the parser. */
    static final float DISAGREEMENT_CONFIDENCE = 50f;
    /** Ink no darker than this (grey level) is paper. */
    private static final int INK = 128;
    /** A digit's ink is at most this wide for its height (a "0" is about 0.7; a CJK character about 1). */
    private static final double DIGIT_WIDTH = 0.8;
    /** Room for the gaps between digits, in heights. */
    private static final double DIGIT_SLACK = 0.1;

    private NumberCells() {
    }

    /**
     * Whether the words read in a grid cell leave it a number cell: no Chinese character (or any letter that is not
     * a digit look-alike) and at most {@link #MAX_LENGTH} characters; a cell where nothing was read is one.
     */
    static boolean isCandidate(List<TsvWords.Word> read) {
        int length = 0;
        for (TsvWords.Word word : read) {
            for (int i = 0; i < word.text().length(); i++) {
                char c = word.text().charAt(i);
                if (Character.isWhitespace(c)) {
                    continue;
                }
                if (!digitLike(c)) {
                    return false;
                }
                length++;
            }
        }
        return length <= MAX_LENGTH;
    }

    private static boolean digitLike(char c) {
        return c >= '0' && c <= '9' || c >= '０' && c <= '９' || ".,-—–_OoIl|．，".indexOf(c) >= 0;
    }

    /** A reading short enough to be a misread number: at most {@link #MAX_MISREAD} characters, spaces left out. */
    static boolean isShort(List<TsvWords.Word> read) {
        return text(read).codePointCount(0, text(read).length()) <= MAX_MISREAD;
    }

    /**
     * For each cell, whether it stands in a column of numbers: at least {@link #MIN_COLUMN} other cells share its left
     * and right borders and most of them ({@link #COLUMN_SHARE}) were read as digits. There a short reading that is no
     * number (3 read as 又, 17 as 下) is a misread number.
     */
    static List<Boolean> inNumberColumn(List<Rectangle> cells, List<List<TsvWords.Word>> readings) {
        List<Boolean> result = new ArrayList<>(cells.size());
        for (Rectangle cell : cells) {
            int peers = 0;
            int numbers = 0;
            for (int j = 0; j < cells.size(); j++) {
                Rectangle other = cells.get(j);
                if (other == cell || Math.abs(other.x - cell.x) > SAME_BORDER
                        || Math.abs(other.x + other.width - cell.x - cell.width) > SAME_BORDER) {
                    continue;
                }
                peers++;
                if (readAsNumber(readings.get(j))) {
                    numbers++;
                }
            }
            result.add(peers >= MIN_COLUMN && numbers >= COLUMN_SHARE * peers);
        }
        return result;
    }

    /**
     * Whether a cell stands in a row of numbers: at least two other cells share its top and bottom borders and were
     * read as digits (not a header row of words whose cells line up with the number columns).
     */
    static boolean inNumberRow(List<Rectangle> cells, List<List<TsvWords.Word>> readings, int index) {
        Rectangle cell = cells.get(index);
        int numbers = 0;
        for (int j = 0; j < cells.size(); j++) {
            Rectangle other = cells.get(j);
            if (j == index || Math.abs(other.y - cell.y) > SAME_BORDER
                    || Math.abs(other.y + other.height - cell.y - cell.height) > SAME_BORDER) {
                continue;
            }
            if (readAsNumber(readings.get(j))) {
                numbers++;
            }
        }
        return numbers >= 2;
    }

    /**
     * Whether a reading is short and of Latin letters, digits and marks only: in a table whose labels are Chinese, a
     * number read as a letter (PP-OCR's "D" for a 0), to be read as digits.
     */
    static boolean isLetterMisread(List<TsvWords.Word> read) {
        String text = text(read);
        return !text.isEmpty() && text.codePointCount(0, text.length()) <= MAX_MISREAD
                && text.chars().allMatch(c -> c < 0x80 && !Character.isWhitespace(c));
    }

    /** Whether any word of the reading holds a digit. */
    static boolean hasDigit(List<TsvWords.Word> reading) {
        return reading.stream().anyMatch(w -> w.text().chars().anyMatch(c -> c >= '0' && c <= '9'));
    }

    /** Whether a cell's reading is a number: digits and digit look-alikes only, at least one digit. */
    private static boolean readAsNumber(List<TsvWords.Word> reading) {
        String read = text(reading);
        return !read.isEmpty() && isCandidate(reading) && read.chars().anyMatch(Character::isDigit);
    }

    /**
     * Whether a number cell's ink went unread: ink as tall as a digit (not a speck) where no pass read a digit and
     * what the passes read there, if anything, was read without an opinion ({@link #NO_OPINION}: a "," at 0 for a
     * thin 1). A digit read with doubt stays: the row's totals may confirm it.
     */
    static boolean illegible(List<TsvWords.Word> before, Rectangle ink, int lineHeight) {
        if (ink == null || lineHeight <= 0 || ink.height < 0.45 * lineHeight) {
            return false;
        }
        return before.stream().allMatch(w -> w.confidence() < NO_OPINION && w.text().chars()
                .noneMatch(c -> c >= '0' && c <= '9' || c >= '０' && c <= '９'));
    }

    /** The part of the cell to read: its ink with a line's height of white about it, inside the cell. */
    static Rectangle around(Rectangle cell, Rectangle ink, int lineHeight) {
        if (ink == null) {
            return cell;
        }
        int margin = Math.max(4, lineHeight / 2);
        Rectangle grown = new Rectangle(ink.x - margin, ink.y - margin, ink.width + 2 * margin,
                ink.height + 2 * margin);
        return grown.intersection(cell);
    }

    /** The digits of the words (the cell's earlier reading), in reading order, spaces left out. */
    static String text(List<TsvWords.Word> words) {
        List<TsvWords.Word> sorted = new ArrayList<>(words);
        sorted.sort((a, b) -> Integer.compare(a.left(), b.left()));
        StringBuilder out = new StringBuilder();
        sorted.forEach(w -> out.append(w.text().replaceAll("\\s+", "")));
        return out.toString();
    }

    /**
     * Whether the words the page and block passes read in a cell are an opinion on its number to compare with: digits
     * read with at least {@link #NO_OPINION}.
     */
    static boolean hasOpinion(List<TsvWords.Word> before) {
        String earlier = text(before);
        return !earlier.isEmpty() && earlier.chars().anyMatch(Character::isDigit)
                && CellReread.confidence(before) >= NO_OPINION;
    }

    /**
     * The word that stands for the cell, or null to keep what was read there before. Certain (the reading's own
     * confidence) only where a second reading agrees: the page or block pass's digits or, where those passes read no
     * digits, the second digit reading whose ink is shaped like the digits; otherwise at most {@link
     * #DISAGREEMENT_CONFIDENCE}.
     *
     * @param before the words read in the cell by the page and cell passes
     * @param digits the words of the cell's reading as a line of digits, in page pixels
     * @param check a second reading as digits (another model), for a cell without an earlier opinion; may be empty
     * @param ink the box of the dark pixels in the cell, or null where there are none
     * @param lineHeight the height given to a one-line cell's word (a row's words share it)
     * @param top the top of that word (the row's middle less half the line height)
     * @param lineId the word's line, of its own (words of one line share a baseline)
     */
    static TsvWords.Word decide(Rectangle cell, List<TsvWords.Word> before, List<TsvWords.Word> digits,
            List<TsvWords.Word> check, Rectangle ink, int lineHeight, int top, String lineId) {
        // a speck after the digits read as a point or comma ("19."): no number ends so
        String read = TRAILING_SPECK.matcher(text(digits)).replaceFirst("");
        if (read.isEmpty() || !read.matches("[0-9.,\\-]+") || read.matches("[.,]+")) {
            return null; // no number, and a lone point or comma is no cell's value either (a "," for a thin "1")
        }
        float confidence = (float) CellReread.confidence(digits);
        String earlier = text(before);
        if (hasOpinion(before)) {
            if (normal(earlier).equals(normal(read))) {
                // two readings of different segmentation agree: the better confidence stands
                confidence = Math.max(confidence, (float) CellReread.confidence(before));
            } else {
                confidence = Math.min(confidence, DISAGREEMENT_CONFIDENCE);
            }
        } else if (ink == null || !shapedLike(read, ink, lineHeight)) {
            if (!earlier.isEmpty() && !isCandidate(before)) {
                return null; // a short text (总计, 其他) in a column of numbers stays text
            }
            confidence = Math.min(confidence, DISAGREEMENT_CONFIDENCE);
        } else if (normal(text(check)).equals(normal(read))) {
            confidence = Math.min(confidence, (float) CellReread.confidence(check));
        } else {
            confidence = Math.min(confidence, DISAGREEMENT_CONFIDENCE);
        }
        int left = digits.stream().mapToInt(TsvWords.Word::left).min().orElse(cell.x);
        int right = digits.stream().mapToInt(w -> w.left() + w.width()).max().orElse(cell.x + cell.width);
        return new TsvWords.Word(left, top, Math.max(1, right - left), lineHeight, confidence, read, lineId);
    }

    /** Full-width digits and punctuation folded, look-alike letters left as they are (they count as a difference). */
    private static String normal(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '０' && c <= '９') {
                c = (char) ('0' + (c - '０'));
            } else if (c == '．') {
                c = '.';
            } else if (c == '，') {
                c = ',';
            } else if (c == '—' || c == '–' || c == '_') {
                c = '-';
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * Whether the cell's ink could be the digits read: as tall as a digit of the page's text (not a dash or a speck)
     * and no wider than that many digits side by side (not a Chinese character read as a digit).
     */
    static boolean shapedLike(String read, Rectangle ink, int lineHeight) {
        if (ink.height < 0.45 * lineHeight || ink.height > 1.3 * lineHeight) {
            return false;
        }
        int digits = (int) read.chars().filter(Character::isDigit).count();
        return digits > 0 && ink.width <= (DIGIT_WIDTH * digits + DIGIT_SLACK) * ink.height;
    }

    /** The box of the dark pixels inside the cell; null where it holds none. */
    static Rectangle ink(BufferedImage page, Rectangle cell) {
        Raster raster = page.getRaster();
        int[] row = new int[cell.width];
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int y = cell.y; y < cell.y + cell.height; y++) {
            row = raster.getSamples(cell.x, y, cell.width, 1, 0, row);
            for (int x = 0; x < cell.width; x++) {
                if (row[x] < INK) {
                    minX = Math.min(minX, cell.x + x);
                    maxX = Math.max(maxX, cell.x + x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return maxX < 0 ? null : new Rectangle(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }
}
