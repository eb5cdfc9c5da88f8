package io.annualreport.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code annual-report check}: uploads one report and prints its findings in Chinese. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false, description = {
        "Uploads one report and prints its findings in Chinese.",
        "The verdict, what was read (表三 23/25 行), why a person must review it, and each finding with",
        "its cells, pages and evidence."})
final class CheckCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "the report file")
    Path file;

    @Option(names = "--agency", description = "the publishing agency, when the report does not say it clearly")
    String agency;

    @Option(names = "--year", description = "the report year, e.g. 2024")
    Integer year;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600", description = "how long to wait for the verdict (default ${DEFAULT-VALUE} s)")
    long timeoutSeconds;

    @Option(names = "--poll-interval", hidden = true, defaultValue = "1000", description = "milliseconds between polls when the store has no event stream")
    long pollMillis;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    private final Terminal terminal;

    CheckCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!Files.isRegularFile(file)) {
            terminal.err().println("annual-report: no such file: " + file);
            return ExitCodes.USAGE;
        }
        PipelineClient client = connection.client();
        try (ResultWaiter waiter = ResultWaiter.open(client, Duration.ofMillis(pollMillis))) {
            List<String> ids;
            try {
                ids = client.upload(file, agency, year).stream().map(PipelineClient.Accepted::reportId).distinct()
                        .toList();
            } catch (PipelineException e) {
                terminal.err().println("annual-report: " + file.getFileName() + ": " + e.getMessage());
                return ExitCodes.UNREACHABLE;
            }
            if (!output.quiet) {
                terminal.err().println("已上传 uploaded: " + String.join(", ", ids) + "；等待结论 waiting for the verdict…");
            }
            Map<String, JsonNode> reports = waiter.await(ids, Duration.ofSeconds(timeoutSeconds), (r, n) -> {
            });
            int code = ExitCodes.OK;
            ArrayNode json = PipelineClient.JSON.createArrayNode();
            for (String id : ids) {
                JsonNode report = reports.get(id);
                if (report == null) {
                    terminal.err().println("annual-report: no verdict for " + id + " within " + timeoutSeconds
                            + " s; ask later with: annual-report status " + id);
                    code = ExitCodes.worst(code, ExitCodes.UNREACHABLE);
                    continue;
                }
                code = ExitCodes.worst(code, ExitCodes.of(report));
                if (output.json) {
                    json.add(report);
                } else {
                    terminal.out().print(new FindingsReport(report).render());
                    terminal.out().println();
                }
            }
            if (output.json) {
                terminal.out().println((json.size() == 1 && ids.size() == 1 ? json.get(0) : json).toPrettyString());
            }
            return code;
        }
    }
}
