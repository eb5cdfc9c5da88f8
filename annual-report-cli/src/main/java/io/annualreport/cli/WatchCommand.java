package io.annualreport.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code annual-report watch}: follows the store's live events, or waits for given reports to finish. */
@Command(name = "watch", mixinStandardHelpOptions = true, sortOptions = false, description = {
        "Follows verdicts as the store records them, or waits for given reports.",
        "Without ids: one line per stored verdict or failure, until Ctrl-C (or --count events). With report",
        "ids: waits until they are finished and prints one row each (exit code as for submit)."})
final class WatchCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    @Parameters(arity = "0..*", paramLabel = "REPORT_ID", description = "report ids to wait for")
    List<String> reportIds;

    @Option(names = "--count", paramLabel = "N", description = "stop after N events (without ids)")
    Integer count;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600", description = "with ids: how long to wait (default ${DEFAULT-VALUE} s)")
    long timeoutSeconds;

    @Option(names = "--poll-interval", hidden = true, defaultValue = "1000", description = "milliseconds between polls when the store has no event stream")
    long pollMillis;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    private final Terminal terminal;

    WatchCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws InterruptedException {
        PipelineClient client = connection.client();
        if (reportIds != null && !reportIds.isEmpty()) {
            return waitFor(client);
        }
        EventStream stream = EventStream.open(client, Duration.ofSeconds(10)).orElseThrow(
                () -> new PipelineException("the store at " + client.storeUrl() + " has no event stream "
                        + "(GET /api/v1/events)", 0));
        try (stream) {
            if (!output.quiet && !output.json) {
                terminal.err().println("following " + client.storeUrl() + "/api/v1/events (Ctrl-C ends)");
            }
            int seen = 0;
            while (count == null || seen < count) {
                JsonNode event = stream.next(Duration.ofSeconds(1));
                if (event == null) {
                    if (stream.ended()) {
                        terminal.err().println("annual-report: the store closed the event stream");
                        return ExitCodes.UNREACHABLE;
                    }
                    continue;
                }
                seen++;
                terminal.out().println(output.json ? event.toString() : line(event));
                terminal.out().flush();
            }
            return ExitCodes.OK;
        }
    }

    private int waitFor(PipelineClient client) throws InterruptedException {
        List<String> ids = reportIds.stream().distinct().toList();
        try (ResultWaiter waiter = ResultWaiter.open(client, Duration.ofMillis(pollMillis))) {
            ProgressBar bar = new ProgressBar(terminal.err(), "处理 process", ids.size(), terminal.interactive(),
                    !output.quiet);
            var reports = waiter.await(ids, Duration.ofSeconds(timeoutSeconds), (r, n) -> bar.show(n));
            bar.finish(reports.size());
            List<Submission> rows = ids.stream().map(id -> Submission.accepted(id, id, id)).toList();
            Results results = new Results(rows, reports, true);
            terminal.out().print(output.json ? results.json().toPrettyString() + "\n" : results.table());
            return results.exitCode();
        }
    }

    /** {@code 10:42:07  validated  fed22baafaab82a2  不通过 FAIL  郑州市惠济区人民政府 2023  错误 2 警告 1}. */
    private static String line(JsonNode e) {
        String type = e.path("type").asText("");
        StringBuilder line = new StringBuilder(time(e.path("occurredAt").asText(""))).append("  ").append(type)
                .append("  ").append(e.path("reportId").asText(""));
        if (type.equals("failed")) {
            line.append("  处理失败 ").append(e.path("stage").asText("")).append(' ').append(e.path("reason").asText(""));
        } else {
            line.append("  ").append(Labels.verdict(e.path("verdict").asText("")));
            if (e.hasNonNull("agency")) {
                line.append("  ").append(e.path("agency").asText());
            }
            if (e.hasNonNull("year")) {
                line.append(' ').append(e.path("year").asText());
            }
            if (e.hasNonNull("errors")) {
                line.append("  错误 ").append(e.path("errors").asInt()).append(" 警告 ")
                        .append(e.path("warnings").asInt());
            }
        }
        return line.toString();
    }

    private static String time(String instant) {
        try {
            return TIME.format(Instant.parse(instant));
        } catch (DateTimeParseException e) {
            return instant.isEmpty() ? "--:--:--" : instant;
        }
    }
}
