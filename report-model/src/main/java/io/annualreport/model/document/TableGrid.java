package io.annualreport.model.document;

import java.util.List;

/**
 * A table read from markup, with spanning cells repeated into every grid position they cover.
 *
 * @param rows rows of cell texts; all rows have the same width after span expansion
 * @param textOffset where the table starts in the extracted text, or -1 if unknown
 */
public record TableGrid(List<List<String>> rows, int textOffset) {
}
