package io.annualreport.cli;

import java.io.OutputStream;
import java.io.PrintWriter;

/**
 * Where a command writes: text and tables on {@code out}, progress and errors on {@code err}, exports as bytes on
 * {@code bytes} (the same standard output).
 *
 * @param interactive whether standard error is a terminal (progress bars redraw in place)
 */
record Terminal(PrintWriter out, PrintWriter err, OutputStream bytes, boolean interactive) {
}
