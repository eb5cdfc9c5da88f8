package io.annualreport.extraction;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * Finds the text lines of a page image with PP-OCRv4's detector (a DB network): the page reduced to at most {@link
 * #LIMIT} pixels on its longer side, the text probability map thresholded, each connected region with a confident
 * mean kept and grown back by PaddleOCR's unclip distance. Boxes are upright: pages reach it deskewed.
 */
final class TextLineFinder {

    /** The longer side of the image the detector sees (PaddleOCR's default limit for documents). */
    static final int LIMIT = 960;
    /** A pixel of the probability map above this is text. */
    private static final float TEXT = 0.3f;
    /** A region whose mean probability is below this is dropped (PaddleOCR's box threshold). */
    private static final float BOX = 0.6f;
    /** The unclip ratio: regions are grown by area times this over perimeter. */
    private static final double UNCLIP = 1.5;
    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] STD = {0.229f, 0.224f, 0.225f};

    private final PaddleModels models;

    TextLineFinder(PaddleModels models) {
        this.models = models;
    }

    /** The text line boxes of a grey page image, in its pixels, top to bottom then left to right. */
    List<Rectangle> find(BufferedImage page) throws OrtException {
        int width = page.getWidth();
        int height = page.getHeight();
        double scale = Math.min(1.0, (double) LIMIT / Math.max(width, height));
        int w = Math.max(32, (int) Math.round(width * scale / 32) * 32);
        int h = Math.max(32, (int) Math.round(height * scale / 32) * 32);
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(page, 0, 0, w, h, null);
        g.dispose();
        byte[] pixels = ((DataBufferByte) small.getRaster().getDataBuffer()).getData();
        int plane = w * h;
        float[] input = new float[3 * plane];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < plane; i++) {
                input[c * plane + i] = ((pixels[i] & 0xff) / 255f - MEAN[c]) / STD[c];
            }
        }
        float[] probability;
        try (OnnxTensor tensor = OnnxTensor.createTensor(models.environment, FloatBuffer.wrap(input),
                new long[]{1, 3, h, w});
                OrtSession.Result result = models.detection.run(Map.of(
                        models.detection.getInputNames().iterator().next(), tensor))) {
            FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
            probability = new float[plane];
            out.get(probability);
        }
        return regions(probability, w, h, (double) width / w, (double) height / h, width, height);
    }

    /** The boxes of the connected regions of text in the probability map, in page pixels. */
    static List<Rectangle> regions(float[] probability, int w, int h, double scaleX, double scaleY, int pageWidth,
            int pageHeight) {
        int[] label = new int[w * h];
        int[] stack = new int[w * h];
        List<Rectangle> boxes = new ArrayList<>();
        int regions = 0;
        for (int start = 0; start < w * h; start++) {
            if (probability[start] <= TEXT || label[start] != 0) {
                continue;
            }
            regions++;
            int top = 0;
            stack[top++] = start;
            label[start] = regions;
            int minX = w;
            int maxX = -1;
            int minY = h;
            int maxY = -1;
            double sum = 0;
            int count = 0;
            while (top > 0) {
                int p = stack[--top];
                int x = p % w;
                int y = p / w;
                sum += probability[p];
                count++;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
                if (x > 0 && label[p - 1] == 0 && probability[p - 1] > TEXT) {
                    label[p - 1] = regions;
                    stack[top++] = p - 1;
                }
                if (x < w - 1 && label[p + 1] == 0 && probability[p + 1] > TEXT) {
                    label[p + 1] = regions;
                    stack[top++] = p + 1;
                }
                if (y > 0 && label[p - w] == 0 && probability[p - w] > TEXT) {
                    label[p - w] = regions;
                    stack[top++] = p - w;
                }
                if (y < h - 1 && label[p + w] == 0 && probability[p + w] > TEXT) {
                    label[p + w] = regions;
                    stack[top++] = p + w;
                }
            }
            double boxWidth = maxX - minX + 1;
            double boxHeight = maxY - minY + 1;
            if (sum / count < BOX || Math.min(boxWidth, boxHeight) < 3) {
                continue;
            }
            double grow = boxWidth * boxHeight * UNCLIP / (2 * (boxWidth + boxHeight));
            int left = (int) Math.max(0, Math.floor((minX - grow) * scaleX));
            int upper = (int) Math.max(0, Math.floor((minY - grow) * scaleY));
            int right = (int) Math.min(pageWidth, Math.ceil((maxX + 1 + grow) * scaleX));
            int lower = (int) Math.min(pageHeight, Math.ceil((maxY + 1 + grow) * scaleY));
            if (right > left && lower > upper) {
                boxes.add(new Rectangle(left, upper, right - left, lower - upper));
            }
        }
        boxes.sort(Comparator.comparingInt((Rectangle b) -> b.y).thenComparingInt(b -> b.x));
        return boxes;
    }
}
