package io.annualreport.ingest.intake;

/**
 * The sizes the intake accepts.
 *
 * @param maxFileBytes largest file, or zip entry once unpacked
 * @param zipMaxEntries most entries in one zip
 * @param zipMaxTotalBytes most bytes of one zip once unpacked
 * @param zipMaxRatio highest ratio of unpacked to compressed size of a zip entry over 1 MiB
 */
public record IntakeLimits(long maxFileBytes, int zipMaxEntries, long zipMaxTotalBytes, int zipMaxRatio) {
}
