package io.annualreport.rules.text;

import java.util.Arrays;

/** Text similarity for copied-report checks: Jaccard similarity of character trigram sets. */
public final class Similarity {

    private Similarity() {
    }

    /** Jaccard similarity of the character trigram sets of two texts, 0 when either is shorter than a trigram. */
    public static double trigramJaccard(String a, String b) {
        long[] x = trigrams(a);
        long[] y = trigrams(b);
        if (x.length == 0 || y.length == 0) {
            return 0;
        }
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < x.length && j < y.length) {
            if (x[i] == y[j]) {
                common++;
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) common / (x.length + y.length - common);
    }

    private static long[] trigrams(String s) {
        if (s == null || s.length() < 3) {
            return new long[0];
        }
        long[] grams = new long[s.length() - 2];
        for (int i = 0; i + 2 < s.length(); i++) {
            grams[i] = ((long) s.charAt(i) << 32) | ((long) s.charAt(i + 1) << 16) | s.charAt(i + 2);
        }
        Arrays.sort(grams);
        int n = 0;
        for (int i = 0; i < grams.length; i++) {
            if (n == 0 || grams[i] != grams[n - 1]) {
                grams[n++] = grams[i];
            }
        }
        return Arrays.copyOf(grams, n);
    }
}
