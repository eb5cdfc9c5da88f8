package io.annualreport.infra.ops;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code ./pipeline reprocess [FILTER=VALUE…]}: starts a reprocess job on store-service (every report, or those
 * matching the report list's filters such as {@code year=2024}) and shows its progress until it is done.
 */
public final class ReprocessCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReprocessCommand() {
    }

    /** {@code --store URL --key ADMIN_KEY [FILTER=VALUE…]}. */
    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, Duration.ofSeconds(2)));
    }

    /** Runs the command; answers the exit code (0 done, 1 refused or failed). */
    static int run(String[] args, PrintStream out, Duration poll) throws IOException, InterruptedException {
        Map<String, String> options = new HashMap<>();
        List<String> filters = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else if (args[i].matches("[a-z]+=.*")) {
                int eq = args[i].indexOf('=');
                filters.add(args[i].substring(0, eq) + "="
                        + URLEncoder.encode(args[i].substring(eq + 1), StandardCharsets.UTF_8));
            } else {
                out.println("usage: ./pipeline reprocess [agency=…] [year=…] [status=…] [verdict=…] [rule=…]");
                return 2;
            }
        }
        String store = options.getOrDefault("store", "http://127.0.0.1:8084");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(store
                + "/api/v1/reports/reprocess" + (filters.isEmpty() ? "" : "?" + String.join("&", filters))))
                .timeout(Duration.ofSeconds(60)).header("X-Admin-Key", options.getOrDefault("key", ""))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            out.println("refused: " + started.statusCode() + " " + started.body());
            return 1;
        }
        JsonNode job = JSON.readTree(started.body());
        String url = job.path("url").asText();
        out.println("job " + job.path("jobId").asText() + ": " + job.path("total").asInt() + " reports (" + url + ")");
        String last = "";
        while (true) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                job = JSON.readTree(response.body());
                String state = job.path("state").asText();
                String line = state + " " + job.path("done").asInt() + "/" + job.path("total").asInt() + " done, "
                        + job.path("failed").asInt() + " failed"
                        + (job.path("lastError").isTextual()
                                ? " (waiting: " + job.path("lastError").asText() + ")"
                                : "");
                if (!line.equals(last)) {
                    out.println(line);
                    last = line;
                }
                if (!"RUNNING".equals(state)) {
                    return "DONE".equals(state) && job.path("failed").asInt() == 0 ? 0 : 1;
                }
            }
            Thread.sleep(poll.toMillis());
        }
    }
}
