package io.annualreport.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Random;

import org.junit.jupiter.api.Test;

class GreyTransformTest {

    /** A grey page of random dark strokes on light paper. */
    private static BufferedImage page(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(235, 235, 235));
        g.fillRect(0, 0, width, height);
        Random random = new Random(seed);
        for (int i = 0; i < 300; i++) {
            int grey = random.nextInt(120);
            g.setColor(new Color(grey, grey, grey));
            g.fillRect(random.nextInt(width), random.nextInt(height), 2 + random.nextInt(30), 2 + random.nextInt(6));
        }
        g.dispose();
        return image;
    }

    /** The same transformation drawn by Java2D's bicubic interpolation, on white. */
    private static BufferedImage java2d(BufferedImage source, float scale, double degrees) {
        int width = Math.round(source.getWidth() * scale);
        int height = Math.round(source.getHeight() * scale);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        AffineTransform transform = new AffineTransform();
        transform.rotate(Math.toRadians(degrees), width / 2.0, height / 2.0);
        transform.scale(scale, scale);
        g.drawImage(source, transform, null);
        g.dispose();
        return out;
    }

    private static byte[] bytes(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }

    @Test
    void shouldTurnAndScaleAsJava2dBicubicDoesAwayFromThePageEdge() {
        BufferedImage source = page(400, 300, 7);
        for (float scale : new float[]{1f, 1.5f, 2f / 3f}) {
            for (double degrees : new double[]{0.8, -3.1}) {
                BufferedImage ours = GreyTransform.apply(source, scale, degrees);
                BufferedImage theirs = java2d(source, scale, degrees);
                assertThat(ours.getWidth()).isEqualTo(theirs.getWidth());
                assertThat(ours.getHeight()).isEqualTo(theirs.getHeight());
                int width = ours.getWidth();
                int margin = Math.round(20 * scale);
                long difference = 0;
                int compared = 0;
                int worst = 0;
                for (int y = margin; y < ours.getHeight() - margin; y++) {
                    for (int x = margin; x < width - margin; x++) {
                        int d = Math.abs((bytes(ours)[y * width + x] & 0xff) - (bytes(theirs)[y * width + x] & 0xff));
                        difference += d;
                        worst = Math.max(worst, d);
                        compared++;
                    }
                }
                assertThat((double) difference / compared).as("mean difference at %s, %s°", scale, degrees)
                        .isLessThan(0.5);
                assertThat(worst).as("largest difference at %s, %s°", scale, degrees).isLessThanOrEqualTo(8);
            }
        }
    }

    @Test
    void shouldMoveAPointWhereTheTurnAboutTheCentreTakesIt() {
        BufferedImage source = new BufferedImage(201, 201, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = source.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 201, 201);
        g.setColor(Color.BLACK);
        g.fillRect(150, 98, 5, 5); // a dot centred 52 px right of the centre (100.5, 100.5)
        g.dispose();
        BufferedImage turned = GreyTransform.apply(source, 1f, 90);
        // turned 90° clockwise on screen: a dot right of the centre ends below it
        int darkest = 255;
        int atX = -1;
        int atY = -1;
        for (int y = 0; y < 201; y++) {
            for (int x = 0; x < 201; x++) {
                int value = bytes(turned)[y * 201 + x] & 0xff;
                if (value < darkest) {
                    darkest = value;
                    atX = x;
                    atY = y;
                }
            }
        }
        assertThat(darkest).isLessThan(64);
        assertThat(atX).isBetween(98, 102);
        assertThat(atY).isBetween(150, 154);
    }

    @Test
    void shouldLeaveWhatLiesOutsideTheTurnedPageWhite() {
        BufferedImage grey = new BufferedImage(100, 100, BufferedImage.TYPE_BYTE_GRAY);
        java.util.Arrays.fill(bytes(grey), (byte) 128);
        BufferedImage turned = GreyTransform.apply(grey, 1f, 30);
        assertThat(bytes(turned)[0] & 0xff).isEqualTo(255);
        assertThat(bytes(turned)[50 * 100 + 50] & 0xff).isEqualTo(128);
    }
}
