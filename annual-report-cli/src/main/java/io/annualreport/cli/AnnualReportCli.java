package io.annualreport.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code annual-report}: the command line client of an annual-report pipeline, reached by URL. */
@Command(name = "annual-report", mixinStandardHelpOptions = true, versionProvider = AnnualReportCli.Version.class, description = {
        "Checks 政府信息公开工作年度报告 with an annual-report pipeline reached by URL.",
        "Uploads go to ingest (--ingest-url), results come from store (--store-url)."}, footerHeading = "%nExamples:%n", footer = {
                "  annual-report submit reports/ --api-key dev-key",
                "  annual-report check 2024年度报告.pdf",
                "  annual-report status fed22baafaab82a2 --json",
                "  annual-report export findings --format xlsx -o findings.xlsx --year 2024",
                "  annual-report watch",
                "",
                "A batch exits with the most serious code of its reports: 3, then 2, then 1, then 4, then 0.",
                "Environment: ANNUAL_REPORT_INGEST_URL, ANNUAL_REPORT_STORE_URL,",
                "ANNUAL_REPORT_API_KEY, ANNUAL_REPORT_TOKEN (the options win)."}, exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                        "0:PASS (通过) or WARN (有警告) for every report; the command did what was asked",
                        "1:a report is FAIL (不通过) or UNREADABLE (无法读取), or failed in the pipeline (FAILED)",
                        "2:usage error: unknown command or option, missing argument, no such file",
                        "3:refused or unreachable: HTTP 4xx (e.g. API key), HTTP 5xx, connection refused, no verdict in time",
                        "4:a report is NEEDS_REVIEW (待人工复核): a person must check cells the pipeline could not read for sure"})
public final class AnnualReportCli implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private AnnualReportCli() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        OutputStream bytes = new FileOutputStream(FileDescriptor.out);
        int code = run(args, new Terminal(out, err, bytes, System.console() != null));
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line and returns its exit code (see {@link ExitCodes}). */
    static int run(String[] args, Terminal terminal) {
        CommandLine cli = new CommandLine(new AnnualReportCli());
        cli.addSubcommand(new SubmitCommand(terminal));
        cli.addSubcommand(new CheckCommand(terminal));
        cli.addSubcommand(new StatusCommand(terminal));
        cli.addSubcommand(new ExportCommand(terminal));
        cli.addSubcommand(new WatchCommand(terminal));
        for (CommandLine sub : cli.getSubcommands().values()) {
            sub.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n")
                    .exitCodeList(cli.getCommandSpec().usageMessage().exitCodeList());
        }
        cli.setOut(terminal.out());
        cli.setErr(terminal.err());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            terminal.out().flush();
            if (e instanceof PipelineException) {
                terminal.err().println("annual-report: " + e.getMessage());
                return ExitCodes.UNREACHABLE;
            }
            if (e instanceof IOException) {
                terminal.err().println("annual-report: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            terminal.err().println("annual-report: unexpected error: " + e);
            if (System.getenv("ANNUAL_REPORT_DEBUG") != null) {
                e.printStackTrace(terminal.err());
            }
            return ExitCodes.FAIL;
        });
        int code = cli.execute(args);
        terminal.out().flush();
        terminal.err().flush();
        return code;
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("annual-report: name a command");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** The version from the jar's manifest. */
    static final class Version implements IVersionProvider {

        @Override
        public String[] getVersion() {
            String v = AnnualReportCli.class.getPackage().getImplementationVersion();
            return new String[]{"annual-report " + (v == null ? "(development build)" : v)};
        }
    }
}
