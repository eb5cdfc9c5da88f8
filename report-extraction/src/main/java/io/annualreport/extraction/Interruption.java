package io.annualreport.extraction;

/** Lets long parsing loops notice that the worker thread was cancelled at the end of the document budget. */
final class Interruption {

    private Interruption() {
    }

    /** Throws when the current thread was interrupted, ending the parse. */
    static void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new Cancelled();
        }
    }

    /** Thrown inside a cancelled extraction; never reaches callers, who already saw TIMEOUT. */
    static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("extraction cancelled at the document budget", null, false, false);
        }
    }
}
