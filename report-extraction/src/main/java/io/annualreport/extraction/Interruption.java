package io.annualreport.extraction;

import java.time.Duration;

/**
 * Makes extraction cooperative with the document budget: the worker thread records its deadline, and long parsing
 * loops (per PDF page and every few hundred glyphs, per markup element and text chunk, per Word paragraph or table,
 * around each OCR process) call {@link #check()}, which ends the parse once the deadline has passed or the thread was
 * interrupted. A timed-out document therefore frees its worker thread instead of parsing on to the end.
 */
final class Interruption {

    private static final ThreadLocal<long[]> DEADLINE = new ThreadLocal<>();

    private Interruption() {
    }

    /** Sets the deadline of the extraction running on this thread, as a {@link System#nanoTime()} value. */
    static void startBudget(long deadlineNanos) {
        DEADLINE.set(new long[]{deadlineNanos});
    }

    /** Clears this thread's deadline when its extraction ends. */
    static void endBudget() {
        DEADLINE.remove();
    }

    /** Throws when this thread's deadline has passed or the thread was interrupted, ending the parse. */
    static void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new Cancelled();
        }
        long[] deadline = DEADLINE.get();
        if (deadline != null && System.nanoTime() - deadline[0] > 0) {
            throw new Cancelled();
        }
    }

    /** The smaller of the given budget and the time left before this thread's deadline (zero when past it). */
    static Duration remaining(Duration budget) {
        long[] deadline = DEADLINE.get();
        if (deadline == null) {
            return budget;
        }
        long left = Math.max(0, deadline[0] - System.nanoTime());
        return left < budget.toNanos() ? Duration.ofNanos(left) : budget;
    }

    /** Thrown inside an extraction past its deadline; callers see it as TIMEOUT. */
    static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("extraction cancelled at the document budget", null, false, false);
        }
    }
}
