package io.annualreport.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.annualreport.model.report.Cell;
import io.annualreport.model.report.ParsedReport;

/**
 * Benchmark harness (not a test): single-thread throughput of {@link RuleEngine#validate} on the ground-truth samples
 * and hand-built reports with random T3/T4 numbers, next to a trivial baseline that only sums every cell. Each phase
 * runs for a budget of CPU seconds of the benchmark thread (not wall seconds), so that a machine shared with other
 * builds gives comparable per-core numbers; both wall and CPU throughput are printed.
 * Run it with the command in {@code docs/bench-rules.md}.
 */
public final class RuleEngineBenchmark {

    private RuleEngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        List<String> flags = List.of(args).subList(Math.min(1, args.length), args.length);
        List<ParsedReport> corpus = corpus(flags.contains("--samples-only"));
        RuleEngine engine = new RuleEngine();
        ValidationContext context = ValidationContext.standalone();
        System.out.printf("corpus: %d reports (7 ground-truth samples%s), %d characters on average%n",
                corpus.size(), corpus.size() > 7 ? " + synthetic" : "",
                corpus.stream().mapToInt(r -> r.text().length()).sum() / corpus.size());
        run("baseline (sum all cells)", corpus, seconds / 2, r -> baseline(r));
        run("baseline (sum all cells)", corpus, seconds, r -> baseline(r));
        run("validate (warm-up)", corpus, seconds / 2, r -> engine.validate(r, context).findings().size());
        run("validate", corpus, seconds, r -> engine.validate(r, context).findings().size());
        if (flags.contains("--per-rule")) {
            perRule(corpus, context);
        }
    }

    /** Time spent in each rule over the corpus, slowest first, to find a rule that got expensive. */
    private static void perRule(List<ParsedReport> corpus, ValidationContext context) {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        List<String> lines = new ArrayList<>();
        for (var rule : io.annualreport.rules.catalogue.RuleRegistry.all()) {
            long start = threads.getCurrentThreadCpuTime();
            int rounds = 50;
            for (int i = 0; i < rounds; i++) {
                for (ParsedReport report : corpus) {
                    var set = RuleSets.forReport(report.identity());
                    var input = new io.annualreport.rules.engine.RuleInput(report, set.edition(),
                            report.identity().year(), context.previousYear(), context.otherAgencies());
                    var sink = new io.annualreport.rules.engine.FindingSink();
                    sink.bind(rule.spec());
                    rule.rule().check(input, sink);
                }
            }
            double micros = (threads.getCurrentThreadCpuTime() - start) / 1e3 / (rounds * corpus.size());
            lines.add(String.format("%10.1f µs CPU/report  %s", micros, rule.spec().id()));
        }
        lines.sort(java.util.Comparator.reverseOrder());
        lines.stream().limit(15).forEach(System.out::println);
    }

    private interface Work {
        long apply(ParsedReport report);
    }

    private static void run(String name, List<ParsedReport> corpus, double seconds, Work work) {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long cpuDeadline = cpuStart + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long count = 0;
        long sink = 0;
        while (threads.getCurrentThreadCpuTime() < cpuDeadline) {
            for (ParsedReport report : corpus) {
                sink += work.apply(report);
                count++;
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf("%-26s %,10.0f reports/s wall, %,10.0f reports/s per CPU-second  (%,d reports, %.1f s wall,"
                + " %.1f s CPU, %.1f µs CPU/report, checksum %d)%n", name, count / elapsed, count / cpu, count, elapsed,
                cpu, cpu * 1e6 / count, sink);
    }

    private static long baseline(ParsedReport report) {
        BigDecimal total = BigDecimal.ZERO;
        for (Cell cell : report.cells().values()) {
            if (cell.value() != null) {
                total = total.add(cell.value());
            }
        }
        return total.signum() + report.text().length();
    }

    private static List<ParsedReport> corpus(boolean samplesOnly) throws Exception {
        List<ParsedReport> corpus = new ArrayList<>();
        for (SampleReports.Sample sample : SampleReports.all()) {
            corpus.add(sample.report());
        }
        if (samplesOnly) {
            return corpus;
        }
        Random random = new Random(42);
        for (int i = 0; i < 93; i++) {
            int received = random.nextInt(200);
            int carried = random.nextInt(20);
            int forward = random.nextInt(received + carried + 1);
            int handled = received + carried - forward;
            int disclosed = handled / 2;
            ReportFixture f = (i % 3 == 0 ? ReportFixture.clean2019() : ReportFixture.clean2021())
                    .t3Row("new_received", received, 0).t3Row("carried_over", carried, 0)
                    .t3Row("disclosed", disclosed, 0).t3Row("unavailable_not_held", handled - disclosed, 0)
                    .t3Row("total_handled", handled + (i % 10 == 0 ? 1 : 0), 0).t3Row("carried_forward", forward, 0)
                    .t4("review_upheld", i % 4).t4("review_total", i % 4)
                    .appendText(1, "本年度收到政府信息公开申请" + received + "件，上年结转" + carried + "件，办结" + handled + "件。");
            corpus.add(f.build());
        }
        return corpus;
    }
}
