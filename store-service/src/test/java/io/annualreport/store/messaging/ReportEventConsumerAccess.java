package io.annualreport.store.messaging;

import java.util.function.Supplier;

/** Gives tests outside the package access to the consumer's retry policy. */
public final class ReportEventConsumerAccess {

    private ReportEventConsumerAccess() {
    }

    public static boolean retrying(String reportId, Supplier<Boolean> write) {
        return ReportEventConsumer.retrying(reportId, write);
    }
}
