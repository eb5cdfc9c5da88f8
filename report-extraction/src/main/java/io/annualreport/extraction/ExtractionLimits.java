package io.annualreport.extraction;

import java.time.Duration;
import java.util.Objects;

/**
 * The budgets that keep one hostile file from costing more than one report: wall time per document and per OCR page,
 * page count and file size.
 *
 * @param documentBudget wall time for the whole document, OCR included; past it extraction fails with TIMEOUT
 * @param ocrPageBudget wall time for the OCR of one page or image; past it extraction fails with TIMEOUT
 * @param maxPages more pages than this fails with TOO_LARGE
 * @param maxBytes a bigger file fails with TOO_LARGE before it is opened
 */
public record ExtractionLimits(Duration documentBudget, Duration ocrPageBudget, int maxPages, long maxBytes) {

    /** 60 s per document, 20 s per OCR page, 500 pages, 100 MB. */
    public static final ExtractionLimits DEFAULT = new ExtractionLimits(Duration.ofSeconds(60), Duration.ofSeconds(20),
            500, 100L * 1024 * 1024);

    public ExtractionLimits {
        Objects.requireNonNull(documentBudget, "documentBudget");
        Objects.requireNonNull(ocrPageBudget, "ocrPageBudget");
        if (documentBudget.isNegative() || documentBudget.isZero() || ocrPageBudget.isNegative()
                || ocrPageBudget.isZero()) {
            throw new IllegalArgumentException("budgets must be positive");
        }
        if (maxPages < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("maxPages and maxBytes must be positive");
        }
    }

    /** The same limits with another document budget. */
    public ExtractionLimits withDocumentBudget(Duration budget) {
        return new ExtractionLimits(budget, ocrPageBudget, maxPages, maxBytes);
    }

    /** The same limits with another page cap. */
    public ExtractionLimits withMaxPages(int pages) {
        return new ExtractionLimits(documentBudget, ocrPageBudget, pages, maxBytes);
    }

    /** The same limits with another size cap. */
    public ExtractionLimits withMaxBytes(long bytes) {
        return new ExtractionLimits(documentBudget, ocrPageBudget, maxPages, bytes);
    }
}
