package io.annualreport.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A pipeline in the test: ingest ({@code POST /api/v1/reports}) and store (report details, the SSE event stream,
 * exports, health) on one port. An accepted report is RECEIVED until the store is first asked for it; then it gets the
 * outcome given by the test and the event stream announces it, as the real store does after it has stored a result.
 */
final class FakePipeline implements AutoCloseable {

    private static final Pattern FILE_NAME = Pattern.compile("filename=\"([^\"]*)\"");
    private static final String STOP = "stop";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    /** The outcome per uploaded file name (the JSON detail the store will answer once the report is done). */
    private final Map<String, String> outcomes = new ConcurrentHashMap<>();
    /** Answers ingest gives per file name before it accepts: {status, Retry-After or null, body}. */
    private final Map<String, Queue<String[]>> refusals = new ConcurrentHashMap<>();
    /** What the store answers per report id now. */
    private final Map<String, String> store = new ConcurrentHashMap<>();
    private final Map<String, String> pending = new ConcurrentHashMap<>();
    private final List<BlockingQueue<String>> subscribers = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> gets = new ConcurrentHashMap<>();
    final AtomicInteger uploads = new AtomicInteger();
    final AtomicInteger streamConnections = new AtomicInteger();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    final List<String> exportQueries = new CopyOnWriteArrayList<>();
    volatile String requiredApiKey;
    volatile boolean eventStream = true;

    FakePipeline() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/api/v1/reports", this::reports);
        server.createContext("/api/v1/events", this::events);
        server.createContext("/api/v1/exports", this::exports);
        server.createContext("/q/health/ready", e -> send(e, 200, "{\"status\":\"UP\"}"));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The store's answer for the file once processed. */
    FakePipeline outcome(String fileName, String detail) {
        outcomes.put(fileName, detail);
        return this;
    }

    /** Ingest refuses the file with these answers in turn (the last one for good when its Retry-After is null). */
    FakePipeline refuse(String fileName, String[]... answers) {
        refusals.put(fileName, new ConcurrentLinkedQueue<>(List.of(answers)));
        return this;
    }

    /** A report the store already holds (submitted before). */
    FakePipeline stored(String reportId, String detail) {
        store.put(reportId, detail);
        return this;
    }

    /** Announces a stored result on the event stream without a prior upload. */
    void publish(String json) {
        for (BlockingQueue<String> s : subscribers) {
            s.add(json);
        }
    }

    int getsOf(String reportId) {
        AtomicInteger n = gets.get(reportId);
        return n == null ? 0 : n.get();
    }

    static String idOf(String fileName) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(fileName.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A validated report's detail as the store sends it. */
    static String validated(String reportId, String agency, int year, String verdict, String... severities) {
        List<String> findings = new ArrayList<>();
        for (String s : severities) {
            findings.add("{\"ruleId\":\"R\",\"severity\":\"" + s + "\",\"message\":\"m\"}");
        }
        return "{\"reportId\":\"" + reportId + "\",\"status\":\"VALIDATED\",\"identity\":{\"agency\":\"" + agency
                + "\",\"year\":" + year + "},\"validation\":{\"verdict\":\"" + verdict + "\",\"findings\":["
                + String.join(",", findings) + "]}}";
    }

    private void reports(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth != null) {
            authorizations.add(auth);
        }
        if (exchange.getRequestMethod().equals("POST")) {
            upload(exchange);
            return;
        }
        String id = URLDecoder.decode(exchange.getRequestURI().getRawPath().substring("/api/v1/reports/".length()),
                StandardCharsets.UTF_8);
        gets.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        String answer = store.get(id);
        if (answer == null) {
            send(exchange, 404, "{\"error\":{\"code\":\"REPORT_NOT_FOUND\",\"message\":\"no report with id " + id
                    + "\"}}");
            return;
        }
        send(exchange, 200, answer);
        String outcome = pending.remove(id);
        if (outcome != null) {
            // processed now: stored, then announced
            store.put(id, outcome);
            String status = outcome.contains("\"FAILED\"") ? "failed" : "validated";
            publish("{\"type\":\"" + status + "\",\"reportId\":\"" + id
                    + "\",\"occurredAt\":\"2025-01-01T00:00:00Z\"}");
        }
    }

    private void upload(HttpExchange exchange) throws IOException {
        uploads.incrementAndGet();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (requiredApiKey != null && !requiredApiKey.equals(exchange.getRequestHeaders().getFirst("X-Api-Key"))) {
            send(exchange, 401, "{\"error\":{\"code\":\"UNAUTHENTICATED\",\"message\":\"send your API key in "
                    + "X-Api-Key\"}}");
            return;
        }
        Matcher m = FILE_NAME.matcher(body);
        String name = m.find() ? m.group(1) : "";
        Queue<String[]> refusal = refusals.get(name);
        if (refusal != null && !refusal.isEmpty()) {
            String[] answer = refusal.size() == 1 && refusal.peek()[1] == null ? refusal.peek() : refusal.poll();
            if (answer[1] != null) {
                exchange.getResponseHeaders().add("Retry-After", answer[1]);
            }
            send(exchange, Integer.parseInt(answer[0]), answer[2]);
            return;
        }
        List<String> names = name.endsWith(".zip") ? List.of("one.pdf", "two.pdf") : List.of(name);
        List<String> reports = new ArrayList<>();
        for (String n : names) {
            String id = idOf(n);
            String outcome = outcomes.get(n);
            if (outcome != null) {
                store.putIfAbsent(id, "{\"reportId\":\"" + id + "\",\"status\":\"RECEIVED\"}");
                pending.put(id, outcome);
            }
            reports.add("{\"reportId\":\"" + id + "\",\"fileName\":\"" + n + "\"}");
        }
        send(exchange, 202, "{\"reports\":[" + String.join(",", reports) + "]}");
    }

    private void events(HttpExchange exchange) throws IOException {
        if (!eventStream) {
            send(exchange, 404, "{}");
            return;
        }
        streamConnections.incrementAndGet();
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("data: {\"type\":\"connected\"}\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            subscribers.add(queue);
            while (true) {
                String event = queue.take();
                if (event == STOP) {
                    return;
                }
                out.write((": a comment line\ndata:" + event + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away
        } finally {
            subscribers.remove(queue);
        }
    }

    private void exports(HttpExchange exchange) throws IOException {
        exportQueries.add(exchange.getRequestURI().getRawQuery() == null
                ? ""
                : exchange.getRequestURI()
                        .getRawQuery());
        if (!exchange.getRequestURI().getPath().endsWith("/findings.csv")) {
            send(exchange, 400, "{\"error\":{\"code\":\"INVALID_EXPORT\",\"message\":\"not here\"}}");
            return;
        }
        byte[] csv = "reportId,ruleId\r\n\"a1\",\"T3-03\"\r\n".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/csv; charset=UTF-8");
        exchange.sendResponseHeaders(200, csv.length);
        exchange.getResponseBody().write(csv);
        exchange.close();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        for (BlockingQueue<String> s : subscribers) {
            s.add(STOP);
        }
        server.stop(0);
        executor.shutdownNow();
    }
}
