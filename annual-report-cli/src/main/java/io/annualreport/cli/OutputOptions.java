package io.annualreport.cli;

import picocli.CommandLine.Option;

/** How results are printed: a table for people or JSON for programs, with or without a progress bar. */
final class OutputOptions {

    @Option(names = "--json", description = "print JSON on standard output instead of a table")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "no progress bar on standard error")
    boolean quiet;
}
