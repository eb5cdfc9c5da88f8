package io.annualreport.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Renders the overlays of {@code deploy/k8s} with {@code kubectl kustomize}, on a copy of the tree whose local secret
 * files were written by {@code deploy/k8s/make-secrets.sh} (as an operator would), and parses the objects.
 */
final class Kustomize {

    /** Components (kustomize.config.k8s.io/v1alpha1) need kustomize 3.7; we use what kubectl 1.27+ embeds (v5). */
    static final int MIN_KUSTOMIZE_MAJOR = 5;

    static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory());

    private Kustomize() {
    }

    static Path projectRoot() {
        return Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    }

    static Path deployTree() {
        return projectRoot().resolve("deploy/k8s");
    }

    /** The overlay directories (every directory below deploy/k8s/overlays). */
    static List<String> overlays() {
        try (Stream<Path> dirs = Files.list(deployTree().resolve("overlays"))) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fails with a clear message when kubectl is missing or embeds a kustomize too old for components. */
    static void requireKubectl() {
        String out;
        try {
            out = run(List.of("kubectl", "version", "--client"), null, null);
        } catch (IllegalStateException e) {
            throw new AssertionError("kubectl is needed to render deploy/k8s (kubectl kustomize) and was not found or "
                    + "failed: " + e.getMessage() + ". scripts/install-system-deps.sh installs it where Debian has "
                    + "it; Debian bookworm's kubernetes-client (kubectl 1.20) is too old for kustomize components, and "
                    + "neither Maven Central nor npm carries kubectl: install kubectl 1.27 or newer.");
        }
        Matcher m = Pattern.compile("Kustomize Version: v(\\d+)").matcher(out);
        if (!m.find() || Integer.parseInt(m.group(1)) < MIN_KUSTOMIZE_MAJOR) {
            throw new AssertionError("kubectl embeds a kustomize older than v" + MIN_KUSTOMIZE_MAJOR
                    + " (kustomize components need it); found:\n" + out
                    + "Install kubectl 1.27 or newer (Debian bookworm's kubernetes-client is 1.20).");
        }
    }

    /** A fresh copy of deploy/k8s with every overlay's secret files made by make-secrets.sh. */
    static Path preparedCopy(Path target) {
        try {
            if (Files.exists(target)) {
                try (Stream<Path> walk = Files.walk(target)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            try (Stream<Path> walk = Files.walk(deployTree())) {
                for (Path source : walk.toList()) {
                    Path rel = deployTree().relativize(source);
                    if (rel.toString().matches("overlays/[^/]+/secrets/.+\\.env")) {
                        continue; // never a developer's own secret files
                    }
                    Path copy = target.resolve(rel.toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(source, copy);
                    }
                }
            }
            for (String overlay : overlays()) {
                run(List.of("bash", target.resolve("make-secrets.sh").toString(),
                        target.resolve("overlays").resolve(overlay).toString()), null, null);
            }
            return target;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The objects of one rendered overlay. */
    static List<JsonNode> render(Path tree, String overlay) {
        String yaml = run(List.of("kubectl", "kustomize", tree.resolve("overlays").resolve(overlay).toString()), null,
                null);
        List<JsonNode> objects = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(yaml)) {
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode node = it.next();
                if (node != null && node.isObject() && node.size() > 0) {
                    objects.add(node);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("kubectl kustomize printed something that is not YAML", e);
        }
        return objects;
    }

    /** Runs a command and returns its standard output; fails with its output when it exits non-zero. */
    static String run(List<String> command, String stdin, Path dir) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
            if (dir != null) {
                builder.directory(dir.toFile());
            }
            Path err = Files.createTempFile("cmd", ".err");
            builder.redirectError(err.toFile());
            Process process = builder.start();
            if (stdin != null) {
                try (var in = process.getOutputStream()) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            } else {
                process.getOutputStream().close();
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 5 minutes");
            }
            String error = Files.readString(err);
            Files.deleteIfExists(err);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue()
                        + ":\n" + error + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String describe(JsonNode object) {
        return object.path("kind").asText() + "/" + object.path("metadata").path("name").asText();
    }
}
