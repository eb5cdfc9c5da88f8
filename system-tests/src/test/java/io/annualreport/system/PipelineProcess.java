package io.annualreport.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.annualreport.infra.Ports;

/** Drives {@code ./pipeline} of the checkout as a user would, on free ports and a private data directory. */
final class PipelineProcess {

    /** What a finished command printed and returned. */
    record Result(int exitCode, String output) {
    }

    final Path root = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    final Path home;
    final int ingestPort = Ports.free();
    final int parsePort = Ports.free();
    final int validatePort = Ports.free();
    final int storePort = Ports.free();
    final int kafkaPort = Ports.free();
    final int kafkaControllerPort = Ports.free();
    final int pgPort = Ports.free();

    PipelineProcess(Path home) {
        this.home = home;
    }

    Result run(Duration timeout, String... args) throws IOException, InterruptedException {
        return run(Map.of(), timeout, args);
    }

    Result run(Map<String, String> extraEnv, Duration timeout, String... args)
            throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = root.resolve("pipeline").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Path log = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "pipeline-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("PIPELINE_HOME", home.toString());
        env.put("INGEST_PORT", Integer.toString(ingestPort));
        env.put("PARSE_PORT", Integer.toString(parsePort));
        env.put("VALIDATE_PORT", Integer.toString(validatePort));
        env.put("STORE_PORT", Integer.toString(storePort));
        env.put("KAFKA_PORT", Integer.toString(kafkaPort));
        env.put("KAFKA_CONTROLLER_PORT", Integer.toString(kafkaControllerPort));
        env.put("PG_PORT", Integer.toString(pgPort));
        env.put("PIPELINE_SERVICE_HEAP", "384m");
        // on a shared, overloaded machine a Quarkus service can take minutes to start; this is a guard, not a measure
        env.putIfAbsent("PIPELINE_STARTUP_TIMEOUT", "600");
        env.putAll(extraEnv);
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("./pipeline " + String.join(" ", args) + " ran past " + timeout + ":\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    String ingestUrl() {
        return "http://127.0.0.1:" + ingestPort;
    }

    String storeUrl() {
        return "http://127.0.0.1:" + storePort;
    }
}
