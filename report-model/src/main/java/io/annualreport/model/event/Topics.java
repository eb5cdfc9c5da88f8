package io.annualreport.model.event;

/** Kafka topic names of docs/architecture.md §2; every poison record of a topic goes to its {@code .dlq} twin. */
public final class Topics {

    public static final String SUBMITTED = "reports.submitted";
    public static final String PARSED = "reports.parsed";
    public static final String VALIDATED = "reports.validated";
    public static final String FAILED = "reports.failed";
    /** Requests to validate a stored parse run again (corrections, a late previous year, a linked agency). */
    public static final String REVALIDATE = "reports.revalidate";

    private Topics() {
    }

    /** The dead-letter topic of a topic. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
