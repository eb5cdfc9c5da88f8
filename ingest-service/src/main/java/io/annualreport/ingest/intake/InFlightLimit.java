package io.annualreport.ingest.intake;

import java.util.concurrent.Semaphore;

/** Caps the uploads processed at once, so that a burst is refused early instead of filling the disk. */
public final class InFlightLimit {

    private final int max;
    private final Semaphore permits;

    /** A limit of {@code max} uploads at once (a negative value counts as none). */
    public InFlightLimit(int max) {
        this.max = Math.max(0, max);
        this.permits = new Semaphore(this.max);
    }

    /**
     * Takes a permit, to be given back with {@link #release()} when the upload's answer is sent.
     *
     * @throws IntakeRefusedException ({@link IntakeRefusal#TOO_MANY_UPLOADS}) when every permit is taken
     */
    public void acquire() {
        if (!permits.tryAcquire()) {
            throw new IntakeRefusedException(IntakeRefusal.TOO_MANY_UPLOADS,
                    "the intake is processing " + max + " uploads, its limit; try again shortly");
        }
    }

    /** Gives a permit back. */
    public void release() {
        permits.release();
    }
}
