package io.annualreport.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.annualreport.infra.ops.KafkaStatus;

/**
 * Sends N reports through a running pipeline while it kill -9s each service in turn, restarts the broker, stops
 * PostgreSQL for a while and makes the blob store fail for a moment; then counts what was acknowledged, finished, lost,
 * doubled (two runs of one stage for one submission), VALIDATED without cells, stuck and dead-lettered, and how long
 * each killed part took to be ready again.
 */
final class ChaosHarness {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Set<String> TERMINAL = Set.of("VALIDATED", "FAILED");
    /** Reports per list call while polling (store-service's largest page). */
    private static final int LIST_PAGE = 200;

    /** What to do to the pipeline while the reports go through. */
    record Plan(int reports, boolean scans, List<String> kills, boolean brokerRestart, Duration postgresOutage,
            Duration blobOutage, Duration stuckAfter) {

        /** The reduced run of the default build: one kill per service, one broker restart, a short blob outage. */
        static Plan reduced(int reports) {
            return new Plan(reports, false, List.of("parse", "validate", "store", "ingest"), true, Duration.ZERO,
                    Duration.ofSeconds(5), Duration.ofMinutes(4));
        }

        /** The same plan with the services killed in another order (a diagnostic: which kill meets a cold pipeline). */
        Plan withKills(List<String> order) {
            return new Plan(reports, scans, List.copyOf(order), brokerRestart, postgresOutage, blobOutage, stuckAfter);
        }

        /** The full run: scans too, every service killed twice, a broker restart, a long database outage. */
        static Plan full(int reports, Duration postgresOutage) {
            return new Plan(reports, true, List.of("parse", "validate", "store", "ingest", "parse", "validate",
                    "store", "ingest"), true, postgresOutage, Duration.ofSeconds(20), Duration.ofMinutes(10));
        }
    }

    /**
     * How long one part took to recover from its kill: {@code millis} until it answered ready again (what
     * {@code ./pipeline restart} waits for); {@code startupMillis}, of those, the new JVM's start-up as Quarkus logs it
     * ("started in"); {@code partitionsMillis} until its consumers held their partitions again (new members under the
     * same static instance ids; every stage's consumers after a broker restart); {@code progressMillis} until the
     * committed offsets of those partitions moved on or had no lag left. -1: not measured (ingest has no consumer) or
     * not seen within five minutes.
     */
    record Recovery(String part, long millis, long startupMillis, long partitionsMillis, long progressMillis) {

        /** The time from the restarted JVM's start-up done until its consumers held their partitions again. */
        @JsonProperty("rejoinMillis")
        long rejoinMillis() {
            return partitionsMillis < 0 || startupMillis < 0 ? -1 : Math.max(0, partitionsMillis - startupMillis);
        }
    }

    /** The counts at the end of a run. */
    record Result(int submitted, int acknowledged, int terminal, int lost, int stuck, int doubledRuns,
            int validatedWithoutCells, int validatedWithoutCellsSeen, long deadLettered, List<Recovery> recoveries,
            long elapsedSeconds, List<String> problems) {
    }

    private final PipelineProcess pipeline;
    private final Plan plan;
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private final Set<String> seenWithoutCells = ConcurrentHashMap.newKeySet();
    private final Set<String> seenTerminal = ConcurrentHashMap.newKeySet();
    private final List<Recovery> recoveries = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final AtomicInteger uploaded = new AtomicInteger();

    ChaosHarness(PipelineProcess pipeline, Plan plan) {
        this.pipeline = pipeline;
        this.plan = plan;
    }

    /** Runs the plan against a pipeline that is up; leaves it up. */
    Result run(Path work) throws Exception {
        long started = System.nanoTime();
        List<Path> files = ChaosReports.make(pipeline.root, work.resolve("reports"), plan.reports(), plan.scans());
        AtomicBoolean uploading = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Future<?> upload = threads.submit(() -> {
                upload(files);
                uploading.set(false);
                return null;
            });
            Future<?> chaos = threads.submit(() -> {
                chaos(files.size());
                return null;
            });
            AtomicBoolean monitoring = new AtomicBoolean(true);
            Future<?> monitor = threads.submit(() -> {
                while (monitoring.get()) {
                    observe();
                    Thread.sleep(2000);
                }
                return null;
            });
            upload.get();
            chaos.get();
            awaitSettled();
            monitoring.set(false);
            monitor.get();
        } finally {
            threads.shutdownNow();
        }
        return count(files.size(), (System.nanoTime() - started) / 1_000_000_000L);
    }

    private void upload(List<Path> files) throws InterruptedException {
        for (Path file : files) {
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (true) {
                try {
                    HttpResponse<String> response = post(file);
                    if (response.statusCode() == 202) {
                        String id = JSON.readTree(response.body()).path("reports").get(0).path("reportId").asText();
                        acknowledged.put(id, file.getFileName().toString());
                        break;
                    }
                    if (response.statusCode() >= 400 && response.statusCode() < 500 && response.statusCode() != 429) {
                        problems.add("upload of " + file.getFileName() + " refused: " + response.statusCode() + " "
                                + response.body());
                        break;
                    }
                } catch (IOException e) {
                    // ingest is being killed or restarted: try again, as a client would
                }
                if (System.nanoTime() > deadline) {
                    problems.add("upload of " + file.getFileName() + " never acknowledged");
                    break;
                }
                Thread.sleep(500);
            }
            uploaded.incrementAndGet();
        }
    }

    /** Each service killed in turn as the upload advances, then the broker, the database and the blob store. */
    private void chaos(int total) throws Exception {
        List<Runnable> steps = new ArrayList<>();
        for (String part : plan.kills()) {
            steps.add(() -> killAndRestart(part));
        }
        if (plan.brokerRestart()) {
            steps.add(() -> killAndRestart("kafka"));
        }
        if (!plan.postgresOutage().isZero()) {
            steps.add(this::postgresOutage);
        }
        if (!plan.blobOutage().isZero()) {
            steps.add(this::blobOutage);
        }
        for (int i = 0; i < steps.size(); i++) {
            int threshold = total * (i + 1) / (steps.size() + 2);
            while (uploaded.get() < threshold) {
                Thread.sleep(200);
            }
            steps.get(i).run();
        }
    }

    private void killAndRestart(String part) {
        try (GroupRecovery groups = new GroupRecovery(pipeline.kafkaPort)) {
            // the consumers that hold partitions now (one subscribed to a topic nobody wrote to yet may hold none)
            List<GroupRecovery.Member> before = groups.members(part).stream().filter(m -> !m.partitions().isEmpty())
                    .toList();
            long pid = Long.parseLong(Files.readString(pipeline.home.resolve("pids/" + part + ".pid")).strip());
            long killed = System.currentTimeMillis();
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly); // SIGKILL
            ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
            ExecutorService watch = Executors.newSingleThreadExecutor();
            Future<long[]> group = watch.submit(() -> {
                if (before.isEmpty()) {
                    return new long[]{-1, -1};
                }
                long partitions = groups.awaitPartitions(before, !"kafka".equals(part), 300_000);
                long progress = partitions < 0 ? -1 : groups.awaitProgress(groups.members(part), 300_000);
                return new long[]{partitions < 0 ? -1 : partitions - killed, progress < 0 ? -1 : progress - killed};
            });
            PipelineProcess.Result restart = pipeline.run(Duration.ofMinutes(10), "restart", part);
            long ready = System.currentTimeMillis() - killed;
            if (restart.exitCode() != 0) {
                problems.add("restart of " + part + " failed: " + restart.output());
                watch.shutdownNow();
                return;
            }
            long[] times = group.get(6, TimeUnit.MINUTES);
            watch.shutdownNow();
            if (!before.isEmpty() && times[0] < 0) {
                problems.add(part + ": consumers did not get their partitions back");
            }
            recoveries.add(new Recovery(part, ready, startupMillis(part), times[0], times[1]));
        } catch (Exception e) {
            problems.add("kill of " + part + " failed: " + e);
        }
    }

    /** The last "started in N.NNNs" of a service's log, in milliseconds; -1 for the broker or when absent. */
    private long startupMillis(String part) {
        try {
            Matcher m = Pattern.compile("started in ([0-9.]+)s")
                    .matcher(Files.readString(pipeline.home.resolve("logs/" + part + ".log")));
            long millis = -1;
            while (m.find()) {
                millis = Math.round(Double.parseDouble(m.group(1)) * 1000);
            }
            return millis;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private void postgresOutage() {
        try {
            long pid = Long.parseLong(Files.readString(pipeline.home.resolve("pids/postgres.pid")).strip());
            ProcessHandle.of(pid).ifPresent(p -> {
                p.destroy(); // SIGTERM: the launcher stops the server
                p.onExit().join();
            });
            Thread.sleep(plan.postgresOutage().toMillis());
            PipelineProcess.Result restart = pipeline.run(Duration.ofMinutes(10), "restart", "postgres");
            if (restart.exitCode() != 0) {
                problems.add("PostgreSQL did not come back: " + restart.output());
            }
        } catch (Exception e) {
            problems.add("PostgreSQL outage failed: " + e);
        }
    }

    /** The blob directory replaced by a plain file for a while: neither ingest nor parse can use it. */
    private void blobOutage() {
        Path blobs = pipeline.home.resolve("blobs");
        Path away = pipeline.home.resolve("blobs.away");
        try {
            Files.move(blobs, away);
            Files.writeString(blobs, "the blob disk is gone");
            Thread.sleep(plan.blobOutage().toMillis());
            Files.delete(blobs);
            Files.move(away, blobs);
        } catch (Exception e) {
            problems.add("blob outage failed: " + e);
        }
    }

    /** Looks at every unfinished report as a client would; a VALIDATED report without cells is noted. */
    /**
     * What a client polling for results does, at the cost of a few list calls per round rather than one call per
     * unfinished report (which, with hundreds waiting, made the harness the busiest process while a restarted service
     * was starting): lists the finished reports, every version, and reads each report newly seen VALIDATED once, as a
     * client then reads its cells.
     */
    private void observe() {
        for (String status : TERMINAL) {
            for (int page = 0;; page++) {
                JsonNode list = get("/api/v1/reports?current=false&status=" + status + "&size=" + LIST_PAGE + "&page="
                        + page);
                if (list == null) {
                    return; // store-service is away: the next round tries again
                }
                JsonNode items = list.path("items");
                for (JsonNode item : items) {
                    String id = item.path("reportId").asText();
                    if (!acknowledged.containsKey(id) || seenTerminal.contains(id)) {
                        continue;
                    }
                    if ("VALIDATED".equals(status)) {
                        JsonNode detail = get("/api/v1/reports/" + id);
                        if (detail == null) {
                            continue;
                        }
                        if ("VALIDATED".equals(detail.path("status").asText()) && detail.path("cells").isEmpty()) {
                            seenWithoutCells.add(id);
                        }
                    }
                    seenTerminal.add(id);
                }
                if (items.size() < LIST_PAGE) {
                    break;
                }
            }
        }
    }

    /** Waits until every acknowledged report is finished, or nothing finished for {@code stuckAfter}. */
    private void awaitSettled() throws InterruptedException {
        int last = -1;
        long lastProgress = System.nanoTime();
        while (seenTerminal.size() < acknowledged.size()) {
            if (seenTerminal.size() != last) {
                last = seenTerminal.size();
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > plan.stuckAfter().toNanos()) {
                return;
            }
            Thread.sleep(1000);
        }
    }

    private Result count(int submitted, long elapsedSeconds) throws Exception {
        int terminal = 0;
        int lost = 0;
        int stuck = 0;
        int doubled = 0;
        int withoutCells = 0;
        for (String id : acknowledged.keySet()) {
            JsonNode detail = get("/api/v1/reports/" + id);
            if (detail == null) {
                lost++;
                problems.add("lost: " + id + " " + acknowledged.get(id));
                continue;
            }
            String status = detail.path("status").asText();
            if (!TERMINAL.contains(status)) {
                stuck++;
                problems.add("stuck: " + id + " " + acknowledged.get(id) + " " + status);
                continue;
            }
            terminal++;
            if ("VALIDATED".equals(status) && detail.path("cells").isEmpty()) {
                withoutCells++;
            }
            // one parse run per submitted event (a client's retry may submit the same file twice), one validation
            // run per parse run that was not a failure
            JsonNode runs = get("/api/v1/reports/" + id + "/runs");
            JsonNode events = get("/api/v1/reports/" + id + "/events");
            Map<String, Integer> byStage = new LinkedHashMap<>();
            if (runs != null) {
                runs.path("runs").forEach(r -> byStage.merge(r.path("stage").asText(), 1, Integer::sum));
            }
            int submissions = 0;
            if (events != null) {
                for (JsonNode e : events.path("events")) {
                    submissions += "ReportSubmittedEvent".equals(e.path("eventType").asText()) ? 1 : 0;
                }
            }
            int parseRuns = byStage.getOrDefault("PARSE", 0);
            if (parseRuns > Math.max(1, submissions) || byStage.getOrDefault("VALIDATE", 0) > Math.max(1, parseRuns)) {
                doubled++;
                problems.add("doubled: " + id + " " + acknowledged.get(id) + " " + byStage + ", " + submissions
                        + " submission(s)");
            }
        }
        long deadLettered = 0;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", "127.0.0.1:" + pipeline.kafkaPort))) {
            for (KafkaStatus.DeadLetters d : new KafkaStatus(admin).deadLetters()) {
                deadLettered += d.total();
            }
        }
        return new Result(submitted, acknowledged.size(), terminal, lost, stuck, doubled, withoutCells,
                seenWithoutCells.size(), deadLettered, List.copyOf(recoveries), elapsedSeconds,
                Collections.unmodifiableList(new ArrayList<>(problems)));
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(pipeline.storeUrl() + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private HttpResponse<String> post(Path file) throws IOException, InterruptedException {
        String boundary = "----chaos-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(Files.readAllBytes(file));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create(pipeline.ingestUrl() + "/api/v1/reports"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-Api-Key", "dev-key").POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
