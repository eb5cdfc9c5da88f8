package io.annualreport.extraction;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Prepares a scanned page image for OCR the way that page needs it: red seals and stamps whitened, the page brought to
 * {@link #TARGET_DPI}, straightened (skew up to {@link #MAX_SKEW_DEGREES}° found by projection profile), and binarised
 * with Sauvola's local threshold, so that grey, colour, unevenly lit and JPEG-noisy scans reach Tesseract as black
 * text on white. The grey image before binarisation is kept for finding faint table rulings.
 */
final class ScanPreparation {

    /** Tesseract reads CJK best at about this resolution; lower-resolution pages are enlarged to it. */
    static final float TARGET_DPI = 300f;
    /** Pages are enlarged only below this resolution. */
    static final float UPSCALE_BELOW_DPI = 260f;
    /** Pages are reduced only above this resolution (cost). */
    static final float DOWNSCALE_ABOVE_DPI = 420f;
    /** The largest skew looked for, in degrees either way. */
    static final double MAX_SKEW_DEGREES = 5.0;
    /** A skew smaller than this (degrees) is left alone: it moves a line across an A4 page by under a pixel row. */
    static final double MIN_SKEW_DEGREES = 0.04;
    /** Sauvola's sensitivity: higher makes fewer pixels ink. */
    static final double SAUVOLA_K = 0.2;
    /** Sauvola's dynamic range of the standard deviation for 8-bit grey. */
    static final double SAUVOLA_R = 128;
    /** The side of Sauvola's window, in inches (about a character and a half of body text). */
    static final double WINDOW_INCHES = 0.1;
    /** A pixel this much redder than its green and blue is seal or stamp ink and is whitened. */
    static final int RED_MARGIN = 48;

    private ScanPreparation() {
    }

    /**
     * A page ready for OCR.
     *
     * @param image the binarised page (TYPE_BYTE_GRAY holding only 0 and 255)
     * @param grey the straightened grey page before binarisation, at the same size
     * @param dpi the resolution of both images
     * @param sourceDpi the resolution of the page as it came
     * @param skewDegrees the skew found and removed (positive: the text rose to the right)
     * @param sealPixels how many red pixels were whitened
     */
    record Prepared(BufferedImage image, BufferedImage grey, float dpi, float sourceDpi, double skewDegrees,
            long sealPixels) {

        /** What was done, for the extraction warnings. */
        String describe() {
            StringBuilder out = new StringBuilder().append(Math.round(sourceDpi)).append(" dpi");
            if (Math.round(sourceDpi) != Math.round(dpi)) {
                out.append(" read at ").append(Math.round(dpi)).append(" dpi");
            }
            if (skewDegrees != 0) {
                out.append(String.format(java.util.Locale.ROOT, ", straightened by %.2f°", skewDegrees));
            }
            if (sealPixels > 0) {
                out.append(", red seal or stamp removed");
            }
            return out.toString();
        }
    }

    /**
     * Prepares a page.
     *
     * @param source the page image, any type
     * @param dpi its resolution (from the file's metadata, the PDF page size or {@link #estimateDpi})
     */
    static Prepared prepare(BufferedImage source, float dpi) {
        Interruption.check();
        long[] seal = new long[1];
        BufferedImage grey = greyWithoutRed(source, seal);
        float scale = dpi < UPSCALE_BELOW_DPI || dpi > DOWNSCALE_ABOVE_DPI ? TARGET_DPI / dpi : 1f;
        float targetDpi = scale == 1f ? dpi : TARGET_DPI;
        double skew = skewDegrees(grey);
        Interruption.check();
        if (scale != 1f || Math.abs(skew) >= MIN_SKEW_DEGREES) {
            grey = transform(grey, scale, Math.abs(skew) >= MIN_SKEW_DEGREES ? skew : 0);
        } else {
            skew = 0;
        }
        Interruption.check();
        BufferedImage binary = sauvola(grey, Math.max(15, (int) Math.round(targetDpi * WINDOW_INCHES) | 1));
        return new Prepared(binary, grey, targetDpi, dpi, Math.abs(skew) >= MIN_SKEW_DEGREES ? skew : 0, seal[0]);
    }

    /**
     * The resolution of a page image whose file does not say: the longer side taken as that of an A4 page (11.69 in),
     * the paper of almost every report, within 72 to 600 dpi.
     */
    static float estimateDpi(int width, int height) {
        float dpi = Math.max(width, height) / 11.69f;
        return Math.max(72f, Math.min(600f, dpi));
    }

    /** A grey copy of the image; in a colour image, pixels clearly redder than green and blue are made white. */
    static BufferedImage greyWithoutRed(BufferedImage source, long[] sealPixels) {
        int width = source.getWidth();
        int height = source.getHeight();
        BufferedImage grey = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        if (source.getType() == BufferedImage.TYPE_BYTE_GRAY || source.getType() == BufferedImage.TYPE_BYTE_BINARY
                || source.getColorModel().getNumColorComponents() == 1) {
            Graphics2D g = grey.createGraphics();
            try {
                g.drawImage(source, 0, 0, null);
            } finally {
                g.dispose();
            }
            return grey;
        }
        byte[] out = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        int[] row = new int[width];
        long red = 0;
        for (int y = 0; y < height; y++) {
            source.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int rgb = row[x];
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (r - Math.max(g, b) >= RED_MARGIN) {
                    out[y * width + x] = (byte) 255;
                    red++;
                } else {
                    out[y * width + x] = (byte) ((r * 299 + g * 587 + b * 114) / 1000);
                }
            }
        }
        sealPixels[0] = red;
        return grey;
    }

    /**
     * The skew of the text lines in degrees, found by projection profile: the ink of a page reduced to about 100 dpi
     * is projected onto the vertical axis along each candidate angle, and the angle whose profile has the sharpest
     * peaks (largest sum of squared row counts) wins; coarse steps first, then fine ones around the best.
     */
    static double skewDegrees(BufferedImage grey) {
        int width = grey.getWidth();
        int height = grey.getHeight();
        int step = Math.max(1, Math.round(Math.max(width, height) / 1170f));
        byte[] pixels = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        int threshold = otsu(pixels, step, width, height);
        int count = 0;
        int[] xs = new int[1 << 16];
        int[] ys = new int[1 << 16];
        for (int y = 0; y < height; y += step) {
            for (int x = 0; x < width; x += step) {
                if ((pixels[y * width + x] & 0xff) < threshold) {
                    if (count == xs.length) {
                        xs = java.util.Arrays.copyOf(xs, count * 2);
                        ys = java.util.Arrays.copyOf(ys, count * 2);
                    }
                    xs[count] = x / step;
                    ys[count] = y / step;
                    count++;
                }
            }
        }
        if (count < 200) {
            return 0;
        }
        int rows = height / step + 1;
        int cols = width / step + 1;
        double best = 0;
        double bestScore = -1;
        for (double angle = -MAX_SKEW_DEGREES; angle <= MAX_SKEW_DEGREES + 1e-9; angle += 0.25) {
            double score = profileScore(xs, ys, count, angle, rows, cols);
            if (score > bestScore) {
                bestScore = score;
                best = angle;
            }
        }
        double coarse = best;
        for (double angle = coarse - 0.25; angle <= coarse + 0.25 + 1e-9; angle += 0.02) {
            double score = profileScore(xs, ys, count, angle, rows, cols);
            if (score > bestScore) {
                bestScore = score;
                best = angle;
            }
        }
        return Math.round(best * 100) / 100.0;
    }

    /** Sum of squared counts of the ink rows along an angle: text lines aligned with it give sharp peaks. */
    private static double profileScore(int[] xs, int[] ys, int count, double angle, int rows, int cols) {
        double tan = Math.tan(Math.toRadians(angle));
        int offset = (int) Math.ceil(Math.abs(tan) * cols) + 1;
        int[] bins = new int[rows + 2 * offset + 1];
        for (int i = 0; i < count; i++) {
            int bin = (int) Math.round(ys[i] + xs[i] * tan) + offset;
            bins[bin]++;
        }
        double score = 0;
        for (int b : bins) {
            score += (double) b * b;
        }
        return score;
    }

    /** Otsu's global threshold of the sampled pixels. */
    private static int otsu(byte[] pixels, int step, int width, int height) {
        long[] histogram = new long[256];
        long total = 0;
        for (int y = 0; y < height; y += step) {
            for (int x = 0; x < width; x += step) {
                histogram[pixels[y * width + x] & 0xff]++;
                total++;
            }
        }
        double sum = 0;
        for (int i = 0; i < 256; i++) {
            sum += i * (double) histogram[i];
        }
        double sumBackground = 0;
        long weightBackground = 0;
        double bestVariance = -1;
        int threshold = 128;
        for (int t = 0; t < 256; t++) {
            weightBackground += histogram[t];
            if (weightBackground == 0) {
                continue;
            }
            long weightForeground = total - weightBackground;
            if (weightForeground == 0) {
                break;
            }
            sumBackground += t * (double) histogram[t];
            double meanBackground = sumBackground / weightBackground;
            double meanForeground = (sum - sumBackground) / weightForeground;
            double variance = (double) weightBackground * weightForeground * (meanBackground - meanForeground)
                    * (meanBackground - meanForeground);
            if (variance > bestVariance) {
                bestVariance = variance;
                threshold = t + 1;
            }
        }
        return threshold;
    }

    /**
     * The grey image scaled and turned back by the skew about its centre, bicubic, on white ({@link GreyTransform}:
     * Java2D's kernel written out over bytes, a quarter of Java2D's cost on grey images).
     */
    static BufferedImage transform(BufferedImage grey, float scale, double skewDegrees) {
        return GreyTransform.apply(grey, scale, skewDegrees);
    }

    /**
     * Sauvola's binarisation: a pixel is ink when darker than {@code m * (1 + k * (s / R - 1))}, m and s the mean and
     * standard deviation of the window around it; window sums kept per column as the window slides down, so the cost
     * is linear in the pixels and the memory in the width.
     */
    static BufferedImage sauvola(BufferedImage grey, int window) {
        int width = grey.getWidth();
        int height = grey.getHeight();
        byte[] in = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        BufferedImage binary = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((DataBufferByte) binary.getRaster().getDataBuffer()).getData();
        int radius = window / 2;
        long[] columnSum = new long[width];
        long[] columnSquares = new long[width];
        int[] columnCount = new int[1];
        // prime the window with rows 0..radius-1
        for (int y = 0; y < Math.min(radius, height); y++) {
            addRow(in, y, width, columnSum, columnSquares, 1);
            columnCount[0]++;
        }
        for (int y = 0; y < height; y++) {
            if ((y & 255) == 0) {
                Interruption.check();
            }
            int entering = y + radius;
            if (entering < height) {
                addRow(in, entering, width, columnSum, columnSquares, 1);
                columnCount[0]++;
            }
            int leaving = y - radius - 1;
            if (leaving >= 0) {
                addRow(in, leaving, width, columnSum, columnSquares, -1);
                columnCount[0]--;
            }
            long sum = 0;
            long squares = 0;
            int columns = 0;
            for (int x = 0; x < Math.min(radius, width); x++) {
                sum += columnSum[x];
                squares += columnSquares[x];
                columns++;
            }
            for (int x = 0; x < width; x++) {
                int right = x + radius;
                if (right < width) {
                    sum += columnSum[right];
                    squares += columnSquares[right];
                    columns++;
                }
                int left = x - radius - 1;
                if (left >= 0) {
                    sum -= columnSum[left];
                    squares -= columnSquares[left];
                    columns--;
                }
                double inverse = 1.0 / ((double) columns * columnCount[0]);
                double mean = sum * inverse;
                double variance = Math.max(0, squares * inverse - mean * mean);
                // value < mean * (1 + k * (sd / R - 1)), rearranged to spare the square root:
                // value - mean * (1 - k) < (mean * k / R) * sd
                double excess = (in[y * width + x] & 0xff) - mean * (1 - SAUVOLA_K);
                double factor = mean * SAUVOLA_K / SAUVOLA_R;
                boolean dark = excess < 0 || excess * excess < factor * factor * variance;
                out[y * width + x] = dark ? 0 : (byte) 255;
            }
        }
        return binary;
    }

    private static void addRow(byte[] in, int y, int width, long[] sum, long[] squares, int sign) {
        int base = y * width;
        for (int x = 0; x < width; x++) {
            int v = in[base + x] & 0xff;
            sum[x] += sign * v;
            squares[x] += sign * v * v;
        }
    }
}
