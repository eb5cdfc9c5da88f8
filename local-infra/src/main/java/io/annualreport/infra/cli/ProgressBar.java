package io.annualreport.infra.cli;

import java.io.PrintStream;

/** A one-line progress bar on standard error, redrawn in place. */
final class ProgressBar {

    private final PrintStream out;
    private final String label;
    private final int total;
    private final boolean interactive = System.console() != null;

    ProgressBar(PrintStream out, String label, int total) {
        this.out = out;
        this.label = label;
        this.total = total;
    }

    synchronized void show(int done) {
        int width = 30;
        int filled = total == 0 ? width : (int) ((long) done * width / total);
        String line = String.format("%s [%s%s] %d/%d", label, "#".repeat(filled), ".".repeat(width - filled), done,
                total);
        if (interactive) {
            out.print("\r" + line);
        } else if (done == total) {
            out.print(line);
        }
        if (done == total) {
            out.println();
        }
        out.flush();
    }
}
