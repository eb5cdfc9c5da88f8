package io.annualreport.extraction;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a grey image as a binary PGM file (P5) for Tesseract: the bytes as they are, where encoding a PNG of an A4
 * page at 300 dpi costs a few hundred milliseconds of CPU for nothing (Leptonica reads both).
 */
final class Pgm {

    private Pgm() {
    }

    /** Writes the image's first band (grey level 0 to 255; a colour image is drawn grey first). */
    static void write(BufferedImage image, Path file) throws IOException {
        BufferedImage grey = grey(image);
        int width = grey.getWidth();
        int height = grey.getHeight();
        Raster raster = grey.getRaster();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(("P5\n" + width + " " + height + "\n255\n").getBytes(StandardCharsets.US_ASCII));
            byte[] row = new byte[width];
            for (int y = 0; y < height; y++) {
                raster.getDataElements(0, y, width, 1, row);
                out.write(row);
            }
        }
    }

    /** The image itself when it is TYPE_BYTE_GRAY, else a grey copy drawn by Java2D. */
    static BufferedImage grey(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        var g = grey.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return grey;
    }
}
