package io.annualreport.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one service reads, taken from its own {@code application.properties}: the topics its incoming channels consume
 * with their offset reset, and the environment variables it reads with their defaults.
 */
record ServiceSettings(String name, Map<String, String> incomingTopics, Map<String, String> offsetReset,
        Map<String, String> envDefaults) {

    static final List<String> SERVICES = List.of("ingest-service", "parse-service", "validate-service",
            "store-service");

    private static final Pattern ENV = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");

    static ServiceSettings of(String service) {
        Path file = Kustomize.projectRoot().resolve(service).resolve("src/main/resources/application.properties");
        Properties props = new Properties();
        String text;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(reader);
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> topics = new LinkedHashMap<>();
        Map<String, String> reset = new LinkedHashMap<>();
        for (String key : props.stringPropertyNames()) {
            Matcher m = INCOMING.matcher(key);
            if (m.matches() && !key.startsWith("%")) {
                String channel = m.group(1);
                topics.put(channel, props.getProperty(key));
                reset.put(channel, props.getProperty("mp.messaging.incoming." + channel + ".auto.offset.reset",
                        "latest"));
            }
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : text.lines().toList()) {
            if (line.startsWith("#") || line.startsWith("%") || line.startsWith("quarkus.container-image.")
                    || line.startsWith("quarkus.jib.")) {
                continue; // profile-specific lines (test, dev, local) and the image build's settings
            }
            Matcher m = ENV.matcher(line);
            while (m.find()) {
                env.putIfAbsent(m.group(1), m.group(2));
            }
        }
        return new ServiceSettings(service, topics, reset, env);
    }

    /**
     * The variables that must be set in a cluster: those without a default, and those whose default only makes sense
     * on a developer's machine (a loopback address, the local .pipeline directory, the development key).
     */
    Set<String> requiredInCluster() {
        Set<String> required = new LinkedHashSet<>();
        envDefaults.forEach((name, value) -> {
            if (value == null || value.contains("127.0.0.1") || value.contains("localhost")
                    || value.contains(".pipeline") || value.contains("dev-key")) {
                required.add(name);
            }
        });
        return required;
    }
}
