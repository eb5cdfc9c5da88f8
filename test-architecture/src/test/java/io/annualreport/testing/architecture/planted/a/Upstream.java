package io.annualreport.testing.architecture.planted.a;

import io.annualreport.testing.architecture.planted.b.Downstream;

/** Half of a planted package cycle: a uses b. */
public final class Upstream {

    /** The other half of the cycle. */
    public Downstream next() {
        return new Downstream();
    }
}
