package io.annualreport.corpus;

import java.util.Set;

/**
 * One piece of noise planned for a report, so tests know exactly what was injected.
 *
 * @param subject the row key, cell key or part the noise applies to, e.g. {@code partially_disclosed}
 * @param detail what was done, e.g. "公开→公幵"
 * @param formats the formats the noise shows up in
 */
public record InjectedNoise(NoiseKind kind, String subject, String detail, Set<Format> formats) {
}
