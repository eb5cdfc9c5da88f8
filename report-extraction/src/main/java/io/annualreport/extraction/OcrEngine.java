package io.annualreport.extraction;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;

/** Reads the words of a page image with their positions; {@link ScanOcr} (PP-OCR and Tesseract) in production. */
public interface OcrEngine {

    /** Whether the engine can run here (Tesseract installed with the language data, which numbers need). */
    boolean available();

    /** A short description for messages, such as the command and language. */
    String describe();

    /**
     * Reads one page image.
     *
     * @param image the rendered page or the uploaded image
     * @param dpi the image resolution, to turn pixels into points
     * @param budget wall time allowed for this page
     * @return words as glyphs positioned in points from the top-left corner
     * @throws ExtractionException TIMEOUT past the budget, OCR_UNAVAILABLE when the engine cannot run
     */
    List<Glyph> read(BufferedImage image, float dpi, Duration budget) throws ExtractionException;

    /**
     * Reads one page image whose table borders were found (and erased); an engine may read doubtful table cells
     * again on their own. By default the cells are not used.
     *
     * @param cells the table borders of the image, to find the cell around a word
     */
    default List<Glyph> read(BufferedImage image, float dpi, Duration budget, TableCells cells)
            throws ExtractionException {
        return read(image, dpi, budget);
    }
}
