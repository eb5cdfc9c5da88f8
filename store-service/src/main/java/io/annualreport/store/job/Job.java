package io.annualreport.store.job;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * One bulk operation as stored in the {@code job} table: what it does, over which reports, how far it got and where
 * it resumes.
 *
 * @param filter the report filter as JSON
 * @param cursor the last report id whose events the broker acknowledged; null before the first batch
 */
public record Job(UUID jobId, String kind, @JsonRawValue String filter, String state, int total, int done, int failed,
        String cursor, String lastError, Instant createdAt, Instant updatedAt, Instant finishedAt) {

    /** The kind of a job that sends reports through the pipeline again. */
    public static final String REPROCESS = "REPROCESS";
    /** The state of a job that has reports left to do (also one interrupted by a restart, until it resumes). */
    public static final String RUNNING = "RUNNING";
    /** The state of a job that visited every report. */
    public static final String DONE = "DONE";
    /** The state of a job that cannot go on (its filter no longer reads). */
    public static final String FAILED = "FAILED";
    /** The state of a job an admin stopped: what was sent before stays sent, nothing more is. */
    public static final String CANCELLED = "CANCELLED";
}
