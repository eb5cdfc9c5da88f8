package io.annualreport.infra.ops;

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

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * {@code ./pipeline replay-dlq [TOPIC]}: asks store-service's admin endpoint to put the dead-lettered messages of one
 * topic, or of every dead-letter topic with messages waiting, back on the topic they came from.
 */
public final class DeadLetterReplayCommand {

    private DeadLetterReplayCommand() {
    }

    /** {@code --store URL --key ADMIN_KEY --bootstrap HOST:PORT [TOPIC]}. */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        List<String> topics = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                topics.add(args[i]);
            }
        }
        String store = options.getOrDefault("store", "http://127.0.0.1:8084");
        if (topics.isEmpty()) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    options.getOrDefault("bootstrap", "127.0.0.1:19092")))) {
                for (KafkaStatus.DeadLetters d : new KafkaStatus(admin).deadLetters()) {
                    if (d.waiting() > 0) {
                        topics.add(d.topic());
                    }
                }
            }
            if (topics.isEmpty()) {
                System.out.println("no dead-lettered messages are waiting");
                return;
            }
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int failures = 0;
        for (String topic : topics) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(store + "/api/v1/admin/dlq/"
                    + URLEncoder.encode(topic, StandardCharsets.UTF_8) + "/replay"))
                    .timeout(Duration.ofMinutes(6)).header("X-Admin-Key", options.getOrDefault("key", ""))
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            System.out.println(topic + ": " + response.statusCode() + " " + response.body());
            if (response.statusCode() != 200) {
                failures++;
            }
        }
        if (failures > 0) {
            System.exit(1);
        }
    }
}
