package io.annualreport.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code annual-report submit}: uploads reports, waits for their verdicts and prints one row per report. */
@Command(name = "submit", mixinStandardHelpOptions = true, sortOptions = false, description = {
        "Uploads reports and prints one row per report with its verdict.",
        "Directories are walked for report files, globs expanded; a zip gives one row per entry. Verdicts",
        "come from the store's event stream (polling only when the store has none)."})
final class SubmitCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR|GLOB", description = "report files, directories, globs")
    List<String> paths;

    @Option(names = "--agency", description = "the publishing agency, when the reports do not say it clearly")
    String agency;

    @Option(names = "--year", description = "the report year, e.g. 2024")
    Integer year;

    @Option(names = "--no-wait", description = "upload only and print the report ids; see `watch` and `status`")
    boolean noWait;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600", description = "how long to wait for all verdicts (default ${DEFAULT-VALUE} s)")
    long timeoutSeconds;

    @Option(names = "--parallel", defaultValue = "4", description = "uploads at once (default ${DEFAULT-VALUE})")
    int parallel;

    @Option(names = "--poll-interval", hidden = true, defaultValue = "1000", description = "milliseconds between polls when the store has no event stream")
    long pollMillis;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    private final Terminal terminal;

    SubmitCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        List<Path> files = ReportFiles.expand(paths, terminal.err());
        if (files.isEmpty()) {
            terminal.err().println("annual-report: no report files found in " + paths);
            return ExitCodes.USAGE;
        }
        PipelineClient client = connection.client();
        if (noWait) {
            Results results = new Results(upload(client, files), Map.of(), false);
            print(results);
            return results.exitCode();
        }
        try (ResultWaiter waiter = ResultWaiter.open(client, Duration.ofMillis(pollMillis))) {
            List<Submission> submissions = upload(client, files);
            Results results = new Results(submissions, await(waiter, submissions), true);
            print(results);
            return results.exitCode();
        }
    }

    private List<Submission> upload(PipelineClient client, List<Path> files) throws InterruptedException {
        ProgressBar bar = new ProgressBar(terminal.err(), "上传 upload ", files.size(), terminal.interactive(),
                !output.quiet);
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, files.size())));
        try {
            List<Future<List<Submission>>> futures = new ArrayList<>();
            for (Path file : files) {
                futures.add(pool.submit(() -> {
                    try {
                        return uploadOne(client, file);
                    } finally {
                        bar.show(done.incrementAndGet());
                    }
                }));
            }
            List<Submission> submissions = new ArrayList<>();
            for (Future<List<Submission>> f : futures) {
                try {
                    submissions.addAll(f.get());
                } catch (ExecutionException e) {
                    bar.finish(done.get());
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
            return submissions;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One file's submissions; a refusal is a row, an unreachable ingest ends the whole batch. */
    private List<Submission> uploadOne(PipelineClient client, Path file) throws InterruptedException {
        String name = file.getFileName().toString();
        try {
            return client.upload(file, agency, year).stream()
                    .map(a -> Submission.accepted(file.toString(), a.fileName(), a.reportId())).toList();
        } catch (IOException e) {
            return List.of(Submission.refused(name, e.getMessage(), ExitCodes.USAGE));
        } catch (PipelineException e) {
            if (e.httpStatus() == 0) {
                throw e;
            }
            return List.of(Submission.refused(name, e.getMessage(), ExitCodes.UNREACHABLE));
        }
    }

    private Map<String, JsonNode> await(ResultWaiter waiter, List<Submission> submissions)
            throws InterruptedException {
        List<String> ids = submissions.stream().filter(s -> s.reportId() != null).map(Submission::reportId)
                .distinct().toList();
        ProgressBar bar = new ProgressBar(terminal.err(), "处理 process", ids.size(), terminal.interactive(),
                !output.quiet);
        Map<String, JsonNode> results;
        try {
            results = waiter.await(ids, Duration.ofSeconds(timeoutSeconds), (report, done) -> bar.show(done));
        } catch (PipelineException e) {
            // uploaded but the store cannot be asked: still print the report ids
            bar.finish(0);
            terminal.err().println("annual-report: " + e.getMessage());
            return Map.of();
        }
        bar.finish(results.size());
        if (results.size() < ids.size()) {
            terminal.err()
                    .println("annual-report: " + (ids.size() - results.size()) + " report(s) had no verdict within "
                            + timeoutSeconds + " s; ask later with: annual-report watch ID… or status ID");
        }
        return results;
    }

    private void print(Results results) {
        if (output.json) {
            terminal.out().println(results.json().toPrettyString());
        } else {
            terminal.out().print(results.table());
        }
        terminal.out().flush();
    }
}
