package io.annualreport.testing.architecture.planted.b;

import io.annualreport.testing.architecture.planted.a.Upstream;

/** Half of a planted package cycle: b uses a. */
public final class Downstream {

    /** Back to the first half. */
    public Upstream back() {
        return new Upstream();
    }
}
