package io.annualreport.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import io.annualreport.model.validation.Verdict;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code annual-report export}: the cells or findings of the matching reports as CSV or XLSX. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false, description = {
        "Exports the cells or findings of matching reports as csv or xlsx.",
        "CSV goes to standard output unless -o is given; XLSX goes to annual-reports-DATASET.xlsx by default."})
final class ExportCommand implements Callable<Integer> {

    /** What to export. */
    enum Dataset {
        cells, findings
    }

    /** The file format. */
    enum Format {
        csv, xlsx
    }

    @Parameters(paramLabel = "DATASET", description = "cells or findings")
    Dataset dataset;

    @Option(names = "--format", defaultValue = "csv", description = "csv or xlsx (default ${DEFAULT-VALUE})")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "where to write")
    Path output;

    @Option(names = "--agency", description = "a part of the agency name")
    String agency;

    @Option(names = "--region", description = "the region")
    String region;

    @Option(names = "--year", description = "the report year")
    Integer year;

    @Option(names = "--edition", description = "2019, 2021, mixed or unknown")
    String edition;

    @Option(names = "--verdict", description = "one of ${COMPLETION-CANDIDATES}")
    Verdict verdict;

    @Option(names = "--rule", description = "reports with a finding of this rule, e.g. T3-03")
    String rule;

    @Option(names = "--status", description = "RECEIVED, PARSED, VALIDATED or FAILED")
    String status;

    @Option(names = "--all-versions", description = "every version of each agency and year (含历史版本); by default"
            + " only the current one, as the dashboard exports")
    boolean allVersions;

    /** Kept for scripts written when every version was the default: the current version is the default now. */
    @Option(names = "--current", hidden = true)
    boolean current;

    @Mixin
    ConnectionOptions connection;

    private final Terminal terminal;

    ExportCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("agency", agency);
        filters.put("region", region);
        filters.put("year", year == null ? null : year.toString());
        filters.put("edition", edition);
        filters.put("verdict", verdict == null ? null : verdict.name());
        filters.put("rule", rule);
        filters.put("status", status);
        filters.put("current", allVersions ? "false" : null);
        Path target = output != null || format == Format.csv
                ? output
                : Path.of("annual-reports-" + dataset + "." + format);
        try (InputStream in = connection.client().export(dataset.name(), format.name(), filters)) {
            if (target == null) {
                OutputStream out = terminal.bytes();
                in.transferTo(out);
                out.flush();
                return ExitCodes.OK;
            }
            Path partial = target.resolveSibling(target.getFileName() + ".part");
            long bytes = Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            terminal.err().println("wrote " + bytes + " bytes to " + target);
        }
        return ExitCodes.OK;
    }
}
