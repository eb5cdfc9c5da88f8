package io.annualreport.cli;

import java.io.PrintWriter;

/**
 * A progress bar on standard error: redrawn in place on a terminal; elsewhere (a pipe, a CI log) one line each tenth of
 * the way, so that logs stay readable.
 */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final String label;
    private final int total;
    private final boolean interactive;
    private final boolean enabled;
    private int lastTenth = -1;
    private int shown = -1;

    ProgressBar(PrintWriter out, String label, int total, boolean interactive, boolean enabled) {
        this.out = out;
        this.label = label;
        this.total = total;
        this.interactive = interactive;
        this.enabled = enabled && total > 0;
    }

    /** Shows {@code done} of the total; a count lower than one already shown (threads racing) is ignored. */
    synchronized void show(int done) {
        if (!enabled || done <= shown) {
            return;
        }
        shown = done;
        int filled = (int) ((long) done * WIDTH / total);
        String line = String.format("%s [%s%s] %d/%d", label, "#".repeat(filled), ".".repeat(WIDTH - filled), done,
                total);
        if (interactive) {
            out.print("\r" + line);
            if (done == total) {
                out.println();
            }
        } else {
            int tenth = (int) ((long) done * 10 / total);
            if (tenth != lastTenth || done == total) {
                lastTenth = tenth;
                out.println(line);
            }
        }
        out.flush();
    }

    /** Ends an interrupted bar so that what follows starts on its own line. */
    synchronized void finish(int done) {
        if (enabled && interactive && done < total) {
            out.println();
        }
    }
}
