package io.annualreport.corpus;

import java.util.Arrays;
import java.util.List;

import io.annualreport.model.template.Edition;

/**
 * Measures what each kind of noise alone costs report-parser (cells exact, identity and edition right), per edition
 * and text format, next to no noise and all noise. A harness for the lead, not a test; it asserts nothing.
 *
 * <p>
 * Arguments: reports per edition, format and noise setting (default 1000), seed (default 1), formats (default
 * TEXT,MARKDOWN; HTML and DOCX go through TikaTextExtractor and are slower).
 */
public final class ParserNoiseCostHarness {

    private ParserNoiseCostHarness() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        List<Format> formats = args.length > 2
                ? Arrays.stream(args[2].split(",")).map(Format::valueOf).toList()
                : List.of(Format.TEXT, Format.MARKDOWN);
        for (Edition edition : List.of(Edition.E2019, Edition.E2021)) {
            for (Format format : formats) {
                print(edition, format, "none", ParserScore.measure(edition, format, Noise.none(), count, seed));
                print(edition, format, "all", ParserScore.measure(edition, format, Noise.all(), count, seed));
                for (NoiseKind kind : NoiseKind.values()) {
                    print(edition, format, kind.name(),
                            ParserScore.measure(edition, format, Noise.of(kind), count, seed));
                }
            }
        }
    }

    private static void print(Edition edition, Format format, String noise, ParserScore score) {
        System.out.printf("%s %-8s %-22s %s%n", edition.code(), format, noise, score);
    }
}
