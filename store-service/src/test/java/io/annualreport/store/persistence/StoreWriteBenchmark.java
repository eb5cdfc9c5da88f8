package io.annualreport.store.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.agroal.api.AgroalDataSource;
import io.annualreport.infra.PostgresServer;
import io.annualreport.model.event.ReportIds;
import io.annualreport.model.event.ReportParsedEvent;
import io.annualreport.model.report.Cell;
import io.annualreport.model.report.Fact;
import io.annualreport.model.report.Identity;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.report.Section;
import io.annualreport.model.template.Edition;
import io.annualreport.model.template.TemplateRegistry;
import io.annualreport.store.persistence.write.EventLedger;
import io.annualreport.store.persistence.write.ParsedWriter;

/**
 * Benchmark harness (not a test): the write cost of one parse run (every T2/T3/T4 cell of the 2021 edition, six
 * parts, facts) through the production {@link ParsedWriter}, with the PostgreSQL driver sending each JDBC batch as
 * one statement per row, rewritten into multi-row inserts ({@code reWriteBatchedInserts=true}), and with the cells
 * sent by {@code COPY} (the service's way), interleaved in one run against one database. See docs/bench-store.md for the command.
 */
public final class StoreWriteBenchmark {

    private StoreWriteBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int perRound = Integer.getInteger("bench.reports", 200);
        int rounds = Integer.getInteger("bench.rounds", 5);
        PostgresServer server = BenchSupport.startDatabase("bench-write-pg");
        try (AgroalDataSource rowByRow = BenchSupport.pool(server.jdbcUrl(), 2);
                AgroalDataSource rewritten = BenchSupport.pool(server.jdbcUrl()
                        + (server.jdbcUrl().contains("?") ? "&" : "?") + "reWriteBatchedInserts=true", 2)) {
            BenchSupport.migrate(rowByRow);
            Map<String, ParsedWriter> writers = new LinkedHashMap<>();
            writers.put("one statement per row",
                    new ParsedWriter(new EventLedger(BenchSupport.committingOnClose(rowByRow)), false));
            writers.put("multi-row inserts",
                    new ParsedWriter(new EventLedger(BenchSupport.committingOnClose(rewritten)), false));
            writers.put("cells with COPY",
                    new ParsedWriter(new EventLedger(BenchSupport.committingOnClose(rewritten)), true));
            Map<String, List<Double>> millis = new LinkedHashMap<>();
            writers.keySet().forEach(k -> millis.put(k, new ArrayList<>()));
            int n = 0;
            // warm-up of both (JIT, plan caches), not measured
            for (ParsedWriter writer : writers.values()) {
                for (int i = 0; i < 50; i++) {
                    writer.apply(parsed(n++));
                }
            }
            for (int round = 0; round < rounds; round++) {
                for (Map.Entry<String, ParsedWriter> writer : writers.entrySet()) {
                    for (int i = 0; i < perRound; i++) {
                        ReportParsedEvent event = parsed(n++);
                        long t = System.nanoTime();
                        writer.getValue().apply(event);
                        millis.get(writer.getKey()).add((System.nanoTime() - t) / 1e6);
                    }
                }
            }
            System.out.printf(Locale.ROOT,
                    "%n%d parse runs per variant (%d rounds of %d, interleaved), %d cells each%n",
                    rounds * perRound, rounds, perRound, TemplateRegistry.cells(Edition.E2021).size());
            System.out.printf(Locale.ROOT, "%-34s %8s %8s %8s %8s %10s%n", "parse run write", "mean ms", "p50 ms",
                    "p95 ms", "p99 ms", "runs/s");
            for (Map.Entry<String, List<Double>> e : millis.entrySet()) {
                double[] sorted = e.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
                double mean = Arrays.stream(sorted).average().orElse(0);
                System.out.printf(Locale.ROOT, "%-34s %8.2f %8.2f %8.2f %8.2f %10.1f%n", e.getKey(), mean,
                        BenchSupport.percentile(sorted, 50), BenchSupport.percentile(sorted, 95),
                        BenchSupport.percentile(sorted, 99), 1000 / mean);
            }
        } finally {
            server.close();
        }
        System.exit(0);
    }

    /** A parse run of a synthetic 2021 report: every cell (a few doubtful), six parts, three facts. */
    private static ReportParsedEvent parsed(int n) {
        Random random = new Random(n);
        String sha = ReportIds.sha256(("write-" + n).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String reportId = ReportIds.fromSha256(sha);
        Map<String, Cell> cells = BenchSupport.cells(Edition.E2021, random, 50);
        StringBuilder text = new StringBuilder();
        List<Section> sections = BenchSupport.parts("本机关", random, text);
        List<Fact> facts = List.of(
                new Fact("applications_received", BigDecimal.valueOf(random.nextInt(50)), 1, "收到申请", 10, 30, List.of()),
                new Fact("documents_published", BigDecimal.valueOf(random.nextInt(500)), 2, "公开信息", 40, 60, List.of()),
                new Fact("fees", BigDecimal.ZERO, 6, "未收取信息处理费", 70, 80, List.of()));
        Identity identity = new Identity("测试局2021年政府信息公开工作年度报告", "测试局" + n, "测试市", 2021, Edition.E2021,
                Map.of("agency", "title"));
        return new ReportParsedEvent(UUID.randomUUID(), reportId, Instant.now(), 1, "0.1.0", "r.pdf", sha,
                new ParsedReport(identity, sections, cells, facts, null, List.of(), text.toString()));
    }
}
