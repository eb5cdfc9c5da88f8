package io.annualreport.cli;

import java.util.Optional;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code annual-report status}: whether the pipeline answers, or where one report is and its findings. */
@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false, description = {
        "Shows whether the pipeline answers, or where one report is.",
        "Without an id: whether ingest and store answer (exit 3 when one does not). With a report id:",
        "its state and, once validated, its findings in Chinese."})
final class StatusCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "REPORT_ID", description = "a report id (16 hex digits)")
    String reportId;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    private final Terminal terminal;

    StatusCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws InterruptedException {
        PipelineClient client = connection.client();
        return reportId == null ? pipeline(client) : report(client);
    }

    private int pipeline(PipelineClient client) throws InterruptedException {
        boolean ingest = client.ready(client.ingestUrl());
        boolean store = client.ready(client.storeUrl());
        if (output.json) {
            ObjectNode root = PipelineClient.JSON.createObjectNode();
            root.putObject("ingest").put("url", client.ingestUrl()).put("ready", ingest);
            root.putObject("store").put("url", client.storeUrl()).put("ready", store);
            terminal.out().println(root.toPrettyString());
        } else {
            TextTable table = new TextTable("服务 service", "状态 state", "地址 url");
            table.add("ingest", ingest ? "ready" : "not reachable", client.ingestUrl());
            table.add("store", store ? "ready" : "not reachable", client.storeUrl());
            terminal.out().print(table.render());
        }
        return ingest && store ? ExitCodes.OK : ExitCodes.UNREACHABLE;
    }

    private int report(PipelineClient client) throws InterruptedException {
        Optional<JsonNode> report = client.report(reportId);
        if (report.isEmpty()) {
            terminal.err().println("annual-report: report " + reportId + " is not known to the store at "
                    + client.storeUrl());
            return ExitCodes.UNREACHABLE;
        }
        if (output.json) {
            terminal.out().println(report.get().toPrettyString());
        } else {
            terminal.out().print(new FindingsReport(report.get()).render());
        }
        String status = report.get().path("status").asText("");
        return status.equals("VALIDATED") || status.equals("FAILED") ? ExitCodes.of(report.get()) : ExitCodes.OK;
    }
}
