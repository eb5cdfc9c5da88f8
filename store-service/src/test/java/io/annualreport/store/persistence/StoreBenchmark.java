package io.annualreport.store.persistence;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.agroal.api.AgroalDataSource;
import io.annualreport.infra.PostgresServer;
import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.ReportIds;
import io.annualreport.model.event.ReportParsedEvent;
import io.annualreport.model.event.ReportSubmittedEvent;
import io.annualreport.model.event.ReportValidatedEvent;
import io.annualreport.model.report.Cell;
import io.annualreport.model.report.Fact;
import io.annualreport.model.report.Identity;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.report.Section;
import io.annualreport.model.template.Edition;
import io.annualreport.model.template.TemplateRegistry;
import io.annualreport.model.validation.Finding;
import io.annualreport.model.validation.Severity;
import io.annualreport.model.validation.SeverityCounts;
import io.annualreport.model.validation.Verdict;
import io.annualreport.store.persistence.write.EventLedger;
import io.annualreport.store.persistence.write.FailedWriter;
import io.annualreport.store.persistence.write.ParsedWriter;
import io.annualreport.store.persistence.write.SubmittedWriter;
import io.annualreport.store.persistence.write.ValidatedWriter;

/**
 * Benchmark harness (not a test): stores N synthetic reports (full T2/T3/T4 cells, six parts, findings) through
 * the event writers ({@code persistence.write}) into a real PostgreSQL, then times the list, filter and detail queries of the read API,
 * including JSON encoding of the answer. See docs/bench-store.md for the command.
 */
public final class StoreBenchmark {

    private static final String[] REGIONS = {"北京市", "上海市", "广州市", "深圳市", "成都市", "武汉市", "西安市", "杭州市", "南京市", "重庆市",
            "天津市", "长沙市", "郑州市", "济南市", "青岛市", "沈阳市", "哈尔滨市", "昆明市", "南宁市", "福州市"};
    private static final String[] DISTRICTS = {"", "东城区", "西城区", "朝阳区", "海淀区", "老城区", "新区", "高新区", "开发区", "城关区"};
    private static final String[] DEPARTMENTS = {"人民政府", "人民政府办公室", "教育局", "公安局", "民政局", "司法局", "财政局", "人力资源和社会保障局",
            "自然资源和规划局", "生态环境局", "住房和城乡建设局", "交通运输局", "水务局", "农业农村局", "商务局", "文化和旅游局", "卫生健康委员会",
            "应急管理局", "审计局", "市场监督管理局", "统计局", "医疗保障局", "政务服务和大数据管理局", "城市管理局"};
    private static final String[] RULES = {"T3-01", "T3-02", "T3-03", "T3-04", "T3-05", "T4-01", "T4-02", "T2-01",
            "S-01", "S-05", "S-17", "X-01", "X-02", "Y-01"};

    private StoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int reports = Integer.getInteger("bench.reports", 10_000);
        int samples = Integer.getInteger("bench.samples", 300);
        PostgresServer server = BenchSupport.startDatabase("bench-pg");
        try (AgroalDataSource pool = BenchSupport.pool(server.jdbcUrl(), 8)) {
            BenchSupport.migrate(pool);
            DataSource transactional = BenchSupport.committingOnClose(pool);
            EventLedger ledger = new EventLedger(transactional);
            Writers writer = new Writers(new SubmittedWriter(ledger), new ParsedWriter(ledger, true),
                    new ValidatedWriter(ledger), new FailedWriter(ledger));
            long start = System.nanoTime();
            List<String> ids = populate(writer, reports);
            long populateMillis = (System.nanoTime() - start) / 1_000_000;
            try (Connection c = pool.getConnection()) {
                c.createStatement().execute("vacuum analyze");
            }
            ReportQueries queries = new ReportQueries(pool);
            StatisticsQueries statistics = new StatisticsQueries(pool);
            ReportReader reader = new ReportReader(pool);
            Random random = new Random(7);
            Map<String, Supplier<Object>> cases = new LinkedHashMap<>();
            cases.put("list, no filter, page 0 of 50", () -> queries.list(ReportFilter.none(), 0, 50));
            cases.put("list, no filter, page 100 of 50", () -> queries.list(ReportFilter.none(), 100, 50));
            cases.put("list, agency substring",
                    () -> queries.list(filter(DEPARTMENTS[random.nextInt(DEPARTMENTS.length)],
                            null, null, null, null, null), 0, 50));
            cases.put("list, region", () -> queries.list(filter(null, REGIONS[random.nextInt(REGIONS.length)], null,
                    null, null, null), 0, 50));
            cases.put("list, year + verdict", () -> queries.list(filter(null, null, 2019 + random.nextInt(6), null,
                    Verdict.values()[random.nextInt(3)].name(), null), 0, 50));
            cases.put("list, edition",
                    () -> queries.list(filter(null, null, null, random.nextBoolean() ? "2019" : "2021",
                            null, null), 0, 50));
            cases.put("list, rule id", () -> queries.list(filter(null, null, null, null, null,
                    RULES[random.nextInt(RULES.length)]), 0, 50));
            cases.put("list, status", () -> queries.list(new ReportFilter(null, null, null, null, null, null,
                    random.nextBoolean() ? "VALIDATED" : "FAILED", false), 0, 50));
            cases.put("list, agency + year + verdict + rule", () -> queries.list(filter(
                    DEPARTMENTS[random.nextInt(DEPARTMENTS.length)], null, 2019 + random.nextInt(6), null, "FAIL",
                    "T3-03"), 0, 50));
            cases.put("aggregates, all", () -> statistics.aggregates(ReportFilter.none(), 10));
            cases.put("aggregates, one year",
                    () -> statistics.aggregates(filter(null, null, 2019 + random.nextInt(6), null,
                            null, null), 10));
            cases.put("detail", () -> reader.detail(ids.get(random.nextInt(ids.size()))).orElseThrow());
            System.out.printf(Locale.ROOT, "%nstored %d reports in %.1f s (%d cells per report, %d rows in cell)%n",
                    reports, populateMillis / 1000.0, TemplateRegistry.cells(Edition.E2021).size(),
                    count(pool, "cell"));
            System.out.printf(Locale.ROOT, "%-40s %8s %8s %8s %8s%n", "query (incl. JSON encoding)", "p50 ms", "p95 ms",
                    "p99 ms", "max ms");
            for (Map.Entry<String, Supplier<Object>> c : cases.entrySet()) {
                // aggregates scan every current cell: fewer samples keep the run short
                int runs = c.getKey().startsWith("aggregates") ? Math.max(20, samples / 10) : samples;
                for (int i = 0; i < Math.min(30, runs / 4); i++) {
                    EventCodec.mapper().writeValueAsBytes(c.getValue().get());
                }
                double[] millis = new double[runs];
                for (int i = 0; i < runs; i++) {
                    long t = System.nanoTime();
                    EventCodec.mapper().writeValueAsBytes(c.getValue().get());
                    millis[i] = (System.nanoTime() - t) / 1e6;
                }
                Arrays.sort(millis);
                System.out.printf(Locale.ROOT, "%-40s %8.2f %8.2f %8.2f %8.2f%n", c.getKey(),
                        BenchSupport.percentile(millis, 50),
                        BenchSupport.percentile(millis, 95), BenchSupport.percentile(millis, 99),
                        millis[millis.length - 1]);
            }
        } finally {
            server.close();
        }
        System.exit(0);
    }

    private static ReportFilter filter(String agency, String region, Integer year, String edition, String verdict,
            String rule) {
        return new ReportFilter(agency, region, year, edition, verdict, rule, null, false);
    }

    private static List<String> populate(Writers writer, int reports) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> futures = new ArrayList<>();
        for (int i = 0; i < reports; i++) {
            int n = i;
            futures.add(pool.submit(() -> storeOne(writer, n)));
        }
        try {
            List<String> ids = new ArrayList<>();
            for (Future<String> f : futures) {
                ids.add(f.get());
                if (ids.size() % 1000 == 0) {
                    System.err.printf(Locale.ROOT, "stored %d reports%n", ids.size());
                }
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String storeOne(Writers writer, int n) {
        Random random = new Random(n);
        String sha = ReportIds.sha256(("report-" + n).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String reportId = ReportIds.fromSha256(sha);
        String region = REGIONS[random.nextInt(REGIONS.length)] + DISTRICTS[random.nextInt(DISTRICTS.length)];
        // about 5 % of the reports are corrected versions of another report of the same agency and year
        int agencySeed = random.nextInt(100) < 5 && n > 0 ? n - 1 : n;
        Random agencyRandom = new Random(agencySeed * 31L);
        String agency = REGIONS[agencyRandom.nextInt(REGIONS.length)]
                + DISTRICTS[agencyRandom.nextInt(DISTRICTS.length)]
                + DEPARTMENTS[agencyRandom.nextInt(DEPARTMENTS.length)];
        int year = 2019 + agencyRandom.nextInt(6);
        Edition edition = year >= 2021 ? Edition.E2021 : Edition.E2019;
        Instant submitted = Instant.parse("2025-01-01T00:00:00Z").plus(Duration.ofMinutes(n * 7L));
        String title = agency + year + "年政府信息公开工作年度报告";
        writer.submitted()
                .apply(new ReportSubmittedEvent(UUID.randomUUID(), reportId, submitted, 1, sha, title + ".pdf",
                        "application/pdf", 200_000 + random.nextInt(500_000),
                        "file:///var/lib/pipeline/blobs/" + reportId,
                        "bench", agency, year, submitted));
        if (random.nextInt(100) < 3) {
            writer.failed().apply(new io.annualreport.model.event.ReportFailedEvent(UUID.randomUUID(), reportId,
                    submitted.plusSeconds(2), 1, io.annualreport.model.event.ReportFailedEvent.Stage.PARSE,
                    io.annualreport.model.event.FailureReason.CORRUPT, "truncated PDF", 1));
            return reportId;
        }
        Map<String, Cell> cells = BenchSupport.cells(edition, random, 0);
        StringBuilder text = new StringBuilder(title).append('\n');
        List<Section> sections = BenchSupport.parts(agency, random, text);
        List<Fact> facts = List.of(new Fact("applications_received", BigDecimal.valueOf(random.nextInt(50)), 1,
                "收到政府信息公开申请" + random.nextInt(50) + "件", 10, 30, List.of()));
        Identity identity = new Identity(title, agency, region, year, edition,
                Map.of("agency", "title", "year", "title"));
        ReportParsedEvent parsed = new ReportParsedEvent(UUID.randomUUID(), reportId, submitted.plusSeconds(3), 1,
                "0.1.0", title + ".pdf", sha, new ParsedReport(identity, sections, cells, facts, null, List.of(),
                        text.toString()));
        writer.parsed().apply(parsed);
        List<Finding> findings = new ArrayList<>();
        int count = random.nextInt(10) < 4 ? 0 : random.nextInt(5);
        for (int f = 0; f < count; f++) {
            Severity severity = random.nextInt(3) == 0 ? Severity.ERROR : Severity.WARNING;
            findings.add(new Finding(RULES[random.nextInt(RULES.length)], "1.0.0", severity, "表三勾稽关系不成立",
                    "T3 identity fails", List.of("t3.new_received.total", "t3.total_handled.total"), 3,
                    BigDecimal.TEN, BigDecimal.ONE, "(七) 总计\t10"));
        }
        SeverityCounts counts = SeverityCounts.of(findings);
        Verdict verdict = counts.errors() > 0 ? Verdict.FAIL : counts.warnings() > 0 ? Verdict.WARN : Verdict.PASS;
        writer.validated().apply(new ReportValidatedEvent(UUID.randomUUID(), reportId, submitted.plusSeconds(4), 1,
                parsed.eventId(), "0.1.0", "2021-1.0.0", verdict, counts, findings, List.of(),
                new ReportValidatedEvent.IdentitySummary(agency, year, edition)));
        return reportId;
    }

    /** The four event writers over one ledger, as CDI wires them in the service. */
    private record Writers(SubmittedWriter submitted, ParsedWriter parsed, ValidatedWriter validated,
            FailedWriter failed) {
    }

    private static long count(DataSource ds, String table) throws SQLException {
        try (Connection c = ds.getConnection();
                var rs = c.createStatement().executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
