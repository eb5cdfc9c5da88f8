package io.annualreport.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.assertj.core.api.SoftAssertions;

import io.annualreport.model.template.Edition;
import io.annualreport.model.template.RowDef;
import io.annualreport.model.template.TemplateRegistry;
import io.annualreport.model.text.TextFolding;

/**
 * Finds the six part headings and the T3 row labels of an edition in extracted text, compared in
 * {@link TextFolding#compact compact} form (whitespace removed, full-width to half-width, traditional to simplified).
 * A label is its whole printed text (or one of the registry's variants), never a keyword of it. Text read by OCR may
 * differ from a label by at most {@link #OCR_EDITS_PER_TEN_CHARACTERS} edit per ten characters or part of ten (one
 * edit in 一、总体情况, two in a label of 11 to 20 characters): a misread or lost character, not a different label.
 */
final class LabelSearch {

    /** Edits (insert, delete, substitute) allowed per ten characters of a label in OCR text. */
    static final int OCR_EDITS_PER_TEN_CHARACTERS = 1;

    private LabelSearch() {
    }

    /** How much a text may differ from a label: exact for text layers and markup, a little for OCR. */
    enum Tolerance {
        EXACT, OCR;

        int edits(String label) {
            return this == EXACT ? 0 : (label.length() + 9) / 10 * OCR_EDITS_PER_TEN_CHARACTERS;
        }
    }

    /**
     * Asserts that every part heading and every T3 row label of the edition is found. The label of a row is the
     * registry's label or variant that the source seed prints; where the seed's own text is garbled (seed 002 was
     * itself read by OCR) and prints none of them, the seed's own text of that row's label cells is looked for,
     * exactly; a row the seed does not print at all is not looked for.
     */
    static void assertHeadingsAndT3Labels(String text, String seedText, Edition edition, Tolerance tolerance) {
        SoftAssertions softly = new SoftAssertions();
        for (String heading : TestFiles.PART_HEADINGS) {
            String wanted = TextFolding.compact(heading);
            softly.assertThat(contains(text, wanted, tolerance.edits(wanted))).as("heading %s", heading).isTrue();
        }
        for (RowDef row : TemplateRegistry.t3Rows(edition)) {
            Optional<String> label = labelInSeed(row, seedText);
            if (label.isPresent()) {
                String wanted = label.get();
                softly.assertThat(contains(text, wanted, tolerance.edits(wanted)))
                        .as("T3 row %s label %s (%d edits allowed)", row.key(), wanted, tolerance.edits(wanted))
                        .isTrue();
            } else {
                for (String cell : seedLabelCells(row, seedText)) {
                    softly.assertThat(text).as("T3 row %s as the seed prints it", row.key()).contains(cell);
                }
            }
        }
        softly.assertAll();
    }

    /** The compact part headings and the T3 labels of the edition that the seed prints (see {@link #labelInSeed}). */
    static List<String> headingsAndT3Labels(String seedText, Edition edition) {
        List<String> wanted = new ArrayList<>();
        TestFiles.PART_HEADINGS.forEach(h -> wanted.add(TextFolding.compact(h)));
        TemplateRegistry.t3Rows(edition).forEach(row -> labelInSeed(row, seedText).ifPresent(wanted::add));
        return wanted;
    }

    /** Asserts that each of the compact labels is found in the text within the tolerance. */
    static void assertFound(String text, List<String> labels, Tolerance tolerance) {
        SoftAssertions softly = new SoftAssertions();
        for (String label : labels) {
            softly.assertThat(contains(text, label, tolerance.edits(label)))
                    .as("%s (%d edits allowed)", label, tolerance.edits(label)).isTrue();
        }
        softly.assertAll();
    }

    /** The row's label or first variant that the compact seed text prints. */
    static Optional<String> labelInSeed(RowDef row, String seedText) {
        String compactSeed = TextFolding.compact(seedText);
        List<String> labels = new ArrayList<>();
        labels.add(TextFolding.compact(row.label()));
        row.variants().forEach(v -> labels.add(TextFolding.compact(v)));
        return labels.stream().filter(compactSeed::contains).findFirst();
    }

    /**
     * The non-numeric cells of the first seed table line (tab-separated) that carries one of the row's keywords, in
     * compact form; empty when there is none.
     */
    static List<String> seedLabelCells(RowDef row, String seedText) {
        for (String line : seedText.lines().filter(l -> l.contains("\t")).toList()) {
            String compactLine = TextFolding.compact(line);
            if (row.keywords().stream().map(TextFolding::compact).anyMatch(compactLine::contains)) {
                List<String> cells = new ArrayList<>();
                for (String cell : line.split("\t")) {
                    String compact = TextFolding.compact(cell);
                    if (!compact.isEmpty() && !compact.matches("[\\d.,]+")) {
                        cells.add(compact);
                    }
                }
                return cells;
            }
        }
        return List.of();
    }

    /**
     * Whether some substring of the text is within {@code maxEdits} edits of the pattern (Sellers' approximate
     * substring matching: Levenshtein distance with a free start anywhere in the text).
     */
    static boolean contains(String text, String pattern, int maxEdits) {
        if (maxEdits == 0 || pattern.isEmpty()) {
            return text.contains(pattern);
        }
        int m = pattern.length();
        int[] previous = new int[m + 1];
        int[] current = new int[m + 1];
        for (int i = 0; i <= m; i++) {
            previous[i] = i;
        }
        if (previous[m] <= maxEdits) {
            return true;
        }
        for (int j = 1; j <= text.length(); j++) {
            current[0] = 0;
            char c = text.charAt(j - 1);
            for (int i = 1; i <= m; i++) {
                int substitute = previous[i - 1] + (pattern.charAt(i - 1) == c ? 0 : 1);
                current[i] = Math.min(substitute, Math.min(previous[i] + 1, current[i - 1] + 1));
            }
            if (current[m] <= maxEdits) {
                return true;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return false;
    }
}
