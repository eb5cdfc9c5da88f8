package io.annualreport.extraction;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Whitens the table borders of a page image before OCR: Tesseract reads a bordered cell's text far better without the
 * lines, which it otherwise takes for characters ("|", "l", "1") or for the edge of a picture. A border is a thin run
 * of dark pixels, horizontal or vertical, much longer than any stroke of a character at the page's resolution.
 */
final class RulingEraser {

    /** Darker grey values than this count as border ink: grey borders (often 50 % grey) included. */
    static final int INK = 192;
    /** A run at least this long (inches) is a border: a CJK character at 16 pt is 0.22 in wide. */
    static final double MIN_RUN_INCHES = 0.3;
    /** A run thicker than this (inches, about 3 pt) is a filled area, not a border, and is kept. */
    static final double MAX_THICKNESS_INCHES = 0.04;

    /** In a prepared scan, grey pixels this dark or darker may be a faint border. */
    static final int FAINT = 215;
    /** A border broken by the scan is followed across gaps this long (inches). */
    static final double MAX_GAP_INCHES = 0.007;
    /** Ink covers at least this share of a border followed across gaps. */
    static final double MIN_FILL = 0.9;

    /**
     * A vertical run at least this long (inches) and shorter than {@link #MIN_RUN_INCHES} is a border where it joins a
     * horizontal border at both ends: the cell borders of a one-row table piece, such as a row carried to the top of
     * the next page (a 16 pt row is 0.22 in high).
     */
    static final double MIN_ROW_BORDER_INCHES = 0.1;

    /** Vertical borders closer than this (pixels) are one border. */
    private static final int SAME_BORDER = 4;

    private RulingEraser() {
    }

    /**
     * The page without its borders, and the vertical borders that were erased, in points from the top-left corner.
     *
     * @param image a grey copy of the page, borders whitened
     * @param rulings the vertical borders, to split OCR words of neighbouring cells into separate runs
     * @param cells the borders as masks, to find the cell around a word and read it again on its own
     */
    record Erased(BufferedImage image, List<Ruling> rulings, TableCells cells) {
    }

    /** A grey copy of the image with its long thin horizontal and vertical dark runs, and a pixel around, whitened. */
    static Erased erase(BufferedImage image, float dpi) {
        return erase(image, null, dpi);
    }

    /**
     * A prepared scan's grey page with its borders whitened (Tesseract reads grey better than a binarised page). Borders
     * are looked for in the binarised page and, where they are faint, in the grey page ({@link #FAINT} or darker),
     * and a border broken by the scan is followed across gaps of up to {@link #MAX_GAP_INCHES} as long as ink covers
     * {@link #MIN_FILL} of its length.
     */
    static Erased erase(ScanPreparation.Prepared page) {
        return erase(page.grey(), page.image(), page.dpi());
    }

    private static Erased erase(BufferedImage image, BufferedImage binary, float dpi) {
        int width = image.getWidth();
        int height = image.getHeight();
        BufferedImage grey = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        byte[] pixels = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        byte[] binaryPixels = binary == null
                ? null
                : ((DataBufferByte) Pgm.grey(binary).getRaster().getDataBuffer()).getData();
        boolean[] ink = new boolean[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            ink[i] = binaryPixels == null
                    ? (pixels[i] & 0xff) < INK
                    : (binaryPixels[i] & 0xff) < INK || (pixels[i] & 0xff) < FAINT;
        }
        int minRun = Math.max(20, (int) Math.round(dpi * MIN_RUN_INCHES));
        int maxThickness = Math.max(2, (int) Math.round(dpi * MAX_THICKNESS_INCHES));
        int maxGap = binary == null ? 0 : Math.max(1, (int) Math.round(dpi * MAX_GAP_INCHES));
        boolean[] horizontal = thin(longRuns(ink, width, height, minRun, maxGap, true), width, height, maxThickness,
                false);
        boolean[] verticalRuns = longRuns(ink, width, height, minRun, maxGap, false);
        addRowBorders(verticalRuns, ink, horizontal, width, height,
                Math.max(8, (int) Math.round(dpi * MIN_ROW_BORDER_INCHES)), minRun, maxThickness);
        boolean[] vertical = thin(verticalRuns, width, height, maxThickness, true);
        boolean erasedAny = false;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                if (horizontal[i] || vertical[i]) {
                    erasedAny = true;
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int nx = x + dx;
                            int ny = y + dy;
                            if (nx >= 0 && ny >= 0 && nx < width && ny < height) {
                                pixels[ny * width + nx] = (byte) 255;
                            }
                        }
                    }
                }
            }
        }
        return new Erased(grey, rulings(vertical, width, height, 72f / dpi),
                erasedAny ? new TableCells(horizontal, vertical, width, height) : TableCells.NONE);
    }

    /** The vertical runs as rulings in points, neighbouring pixel columns of one border merged. */
    private static List<Ruling> rulings(boolean[] vertical, int width, int height, float pointsPerPixel) {
        List<int[]> segments = new ArrayList<>();
        for (int x = 0; x < width; x++) {
            int start = -1;
            for (int y = 0; y <= height; y++) {
                boolean set = y < height && vertical[y * width + x];
                if (set && start < 0) {
                    start = y;
                } else if (!set && start >= 0) {
                    segments.add(new int[]{x, start, y});
                    start = -1;
                }
            }
        }
        segments.sort(Comparator.<int[]>comparingInt(s -> s[1]).thenComparingInt(s -> s[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] segment : segments) {
            int[] same = null;
            for (int[] m : merged) {
                if (Math.abs(m[0] - segment[0]) <= SAME_BORDER && segment[1] <= m[2] && segment[2] >= m[1]) {
                    same = m;
                    break;
                }
            }
            if (same == null) {
                merged.add(segment.clone());
            } else {
                same[1] = Math.min(same[1], segment[1]);
                same[2] = Math.max(same[2], segment[2]);
            }
        }
        List<Ruling> rulings = new ArrayList<>(merged.size());
        for (int[] m : merged) {
            rulings.add(new Ruling(m[0] * pointsPerPixel, m[1] * pointsPerPixel, m[2] * pointsPerPixel));
        }
        return rulings;
    }

    /**
     * Ink pixels in runs of at least {@code minRun} along rows (horizontal) or columns; a run continues across gaps of
     * up to {@code maxGap} pixels (which become part of it) while ink covers {@link #MIN_FILL} of it.
     */
    private static boolean[] longRuns(boolean[] ink, int width, int height, int minRun, int maxGap,
            boolean horizontal) {
        boolean[] runs = new boolean[ink.length];
        int lines = horizontal ? height : width;
        int length = horizontal ? width : height;
        for (int line = 0; line < lines; line++) {
            int start = -1;
            int lastInk = -1;
            int inked = 0;
            for (int pos = 0; pos <= length; pos++) {
                boolean dark = pos < length && ink[index(line, pos, width, horizontal)];
                if (dark) {
                    if (start < 0) {
                        start = pos;
                        inked = 0;
                    }
                    lastInk = pos;
                    inked++;
                } else if (start >= 0 && (pos == length || pos - lastInk > maxGap)) {
                    int end = lastInk + 1;
                    if (end - start >= minRun && inked >= MIN_FILL * (end - start)) {
                        for (int p = start; p < end; p++) {
                            runs[index(line, p, width, horizontal)] = true;
                        }
                    }
                    start = -1;
                }
            }
        }
        return runs;
    }

    /**
     * Adds to {@code vertical} the unbroken vertical ink runs from {@code minLength} up to {@code maxLength} pixels
     * whose top and bottom both end on a horizontal border (within {@code reach} pixels, one pixel column either side):
     * the borders between the cells of a single row, too short to tell from a character's stroke by length alone.
     */
    private static void addRowBorders(boolean[] vertical, boolean[] ink, boolean[] horizontal, int width, int height,
            int minLength, int maxLength, int reach) {
        for (int x = 0; x < width; x++) {
            int start = -1;
            for (int y = 0; y <= height; y++) {
                boolean dark = y < height && ink[y * width + x];
                if (dark && start < 0) {
                    start = y;
                } else if (!dark && start >= 0) {
                    int length = y - start;
                    if (length >= minLength && length < maxLength && touchesHorizontal(horizontal, width, height, x,
                            start, reach) && touchesHorizontal(horizontal, width, height, x, y - 1 - reach, reach)) {
                        for (int p = start; p < y; p++) {
                            vertical[p * width + x] = true;
                        }
                    }
                    start = -1;
                }
            }
        }
    }

    /** Whether a horizontal border passes within rows {@code from}…{@code from + reach}, one column either side of x. */
    private static boolean touchesHorizontal(boolean[] horizontal, int width, int height, int x, int from, int reach) {
        for (int y = Math.max(0, from); y <= Math.min(height - 1, from + reach); y++) {
            for (int dx = -1; dx <= 1; dx++) {
                int nx = x + dx;
                if (nx >= 0 && nx < width && horizontal[y * width + nx]) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Keeps only run pixels whose stack across the run direction is at most {@code maxThickness} deep. */
    private static boolean[] thin(boolean[] runs, int width, int height, int maxThickness, boolean runsVertical) {
        // Horizontal runs stack along columns; vertical runs stack along rows.
        boolean acrossRows = !runsVertical;
        int lines = acrossRows ? width : height;
        int length = acrossRows ? height : width;
        for (int line = 0; line < lines; line++) {
            int start = -1;
            for (int pos = 0; pos <= length; pos++) {
                int i = pos < length ? (acrossRows ? pos * width + line : line * width + pos) : -1;
                boolean set = i >= 0 && runs[i];
                if (set && start < 0) {
                    start = pos;
                } else if (!set && start >= 0) {
                    if (pos - start > maxThickness) {
                        for (int p = start; p < pos; p++) {
                            runs[acrossRows ? p * width + line : line * width + p] = false;
                        }
                    }
                    start = -1;
                }
            }
        }
        return runs;
    }

    private static int index(int line, int pos, int width, boolean horizontal) {
        return horizontal ? line * width + pos : pos * width + line;
    }
}
