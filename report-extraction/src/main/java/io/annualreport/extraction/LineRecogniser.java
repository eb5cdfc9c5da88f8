package io.annualreport.extraction;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * Reads one line of text with PP-OCRv4's recogniser (an SVTR-LCNet with a CTC head): the line scaled to {@link
 * #HEIGHT} pixels high, the best class of every time step taken, repeats and blanks removed. Each character keeps
 * its probability and its place across the line, so that a line splits into words where it holds spaces and each
 * word has a box and a confidence. The same output is also decoded as digits only, the opinion on a number cell.
 */
final class LineRecogniser {

    /** The height the recogniser reads lines at. */
    static final int HEIGHT = 48;
    /** Lines narrower than this (pixels, after scaling) are padded: the network needs a few time steps. */
    private static final int MIN_WIDTH = 32;
    /**
     * Lines of running text are read three quarters as wide as their height makes them: a printed Chinese character
     * keeps about four of the network's time steps, the network a quarter less work (docs/bench-ocr.md: the bar of
     * 2.5 s per page). Short pieces (a table cell's number or label) keep their width: squeezed, digits read with more
     * doubt.
     */
    static final double SQUEEZE = 0.75;
    /** A piece wider than this many times its height is a line of running text, read squeezed. */
    static final double LINE_ASPECT = 6;

    /** One character read, with its probability and the x of its time step in page pixels. */
    record Character(String text, float probability, float x) {
    }

    private final PaddleModels models;

    LineRecogniser(PaddleModels models) {
        this.models = models;
    }

    /** A line's two decodings from one pass of the network: any character, and digits only. */
    record Reading(List<Character> text, List<Character> digits) {
    }

    /**
     * The characters of the line in the box of a grey page image, decoded twice from the same output: with every
     * character, and with only the characters of {@link NumberCells#WHITELIST}, whose probabilities are taken among
     * those characters and the blank alone (a "0" the network also finds like "O" or "〇" is sure as a digit).
     */
    Reading read(BufferedImage page, Rectangle box) throws OrtException {
        double squeeze = box.width > LINE_ASPECT * box.height ? SQUEEZE : 1;
        int width = Math.max(MIN_WIDTH, (int) Math.ceil(squeeze * HEIGHT * box.width / box.height));
        int drawn = Math.max(1, (int) Math.ceil(squeeze * HEIGHT * box.width / box.height));
        BufferedImage line = new BufferedImage(width, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = line.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, HEIGHT);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(page.getSubimage(box.x, box.y, box.width, box.height), 0, 0, drawn, HEIGHT, null);
        g.dispose();
        byte[] pixels = ((DataBufferByte) line.getRaster().getDataBuffer()).getData();
        int plane = width * HEIGHT;
        float[] input = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            float value = ((pixels[i] & 0xff) / 255f - 0.5f) / 0.5f;
            input[i] = value;
            input[plane + i] = value;
            input[2 * plane + i] = value;
        }
        float[] out;
        long[] shape;
        try (OnnxTensor tensor = OnnxTensor.createTensor(models.environment, FloatBuffer.wrap(input),
                new long[]{1, 3, HEIGHT, width});
                OrtSession.Result result = models.recognition.run(Map.of(
                        models.recognition.getInputNames().iterator().next(), tensor))) {
            OnnxTensor output = (OnnxTensor) result.get(0);
            shape = output.getInfo().getShape();
            FloatBuffer buffer = output.getFloatBuffer();
            out = new float[buffer.remaining()];
            buffer.get(out);
        }
        int steps = (int) shape[1];
        int classes = (int) shape[2];
        double pixelsPerStep = (double) width / steps * box.width / drawn;
        return new Reading(decode(out, steps, classes, null, box.x, pixelsPerStep),
                decode(out, steps, classes, digitClasses(classes), box.x, pixelsPerStep));
    }

    /** Best path decoding: the best class per step, repeats and blanks removed; among {@code only} where given. */
    private List<Character> decode(float[] out, int steps, int classes, int[] only, int left, double pixelsPerStep) {
        List<Character> characters = new ArrayList<>();
        int previous = 0;
        for (int t = 0; t < steps; t++) {
            int base = t * classes;
            int best = 0;
            float bestProbability = out[base];
            float total = out[base];
            if (only == null) {
                for (int k = 1; k < classes; k++) {
                    if (out[base + k] > bestProbability) {
                        best = k;
                        bestProbability = out[base + k];
                    }
                }
                total = 1f;
            } else {
                for (int k : only) {
                    float p = out[base + k];
                    total += p;
                    if (p > bestProbability) {
                        best = k;
                        bestProbability = p;
                    }
                }
            }
            if (best != 0 && best != previous && best < models.characters.size()) {
                characters.add(new Character(models.characters.get(best), bestProbability / total,
                        (float) (left + (t + 0.5) * pixelsPerStep)));
            }
            previous = best;
        }
        return characters;
    }

    private volatile int[] digitClasses;

    /** The classes of the characters of {@link NumberCells#WHITELIST}. */
    private int[] digitClasses(int classes) {
        int[] known = digitClasses;
        if (known != null) {
            return known;
        }
        List<Integer> found = new ArrayList<>();
        for (int k = 1; k < Math.min(classes, models.characters.size()); k++) {
            String c = models.characters.get(k);
            if (c.length() == 1 && NumberCells.WHITELIST.indexOf(c.charAt(0)) >= 0) {
                found.add(k);
            }
        }
        known = found.stream().mapToInt(Integer::intValue).toArray();
        digitClasses = known;
        return known;
    }
}
