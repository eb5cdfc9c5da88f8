package io.annualreport.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A single-node Apache Kafka broker in KRaft mode, run inside this JVM from the Maven artifacts: used by tests (in the
 * test JVM) and by {@code ./pipeline} and the system test (as its own process through {@link #main}).
 */
public final class KafkaBroker implements AutoCloseable {

    private final KafkaRaftServer server;
    private final int port;

    private KafkaBroker(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts a broker whose data lives in {@code dataDir}; formats the storage on first use and keeps it afterwards.
     *
     * @param partitions default partition count of auto-created topics
     */
    public static KafkaBroker start(Path dataDir, int port, int controllerPort, int partitions) {
        try {
            Files.createDirectories(dataDir);
            Path logs = dataDir.resolve("logs");
            Path config = dataDir.resolve("server.properties");
            Properties props = properties(logs, port, controllerPort, partitions);
            try (OutputStream out = Files.newOutputStream(config)) {
                props.store(out, "single-node KRaft broker written by KafkaBroker");
            }
            if (!Files.exists(logs.resolve("meta.properties"))) {
                String[] format = {"format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()};
                StorageTool.execute(format, new PrintStream(OutputStream.nullOutputStream()));
            }
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            KafkaBroker broker = new KafkaBroker(server, port);
            broker.awaitPort(Duration.ofSeconds(60));
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Kafka data directory " + dataDir, e);
        }
    }

    static Properties properties(Path logs, int port, int controllerPort, int partitions) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.put("log.dirs", logs.toString());
        p.put("num.partitions", Integer.toString(partitions));
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        // No fsync per append (Kafka's default relies on the page cache, which a killed broker does not lose); the
        // flusher syncs what is older than a second, so a power cut loses at most about two seconds of records.
        p.put("log.flush.interval.ms", Long.toString(FLUSH_INTERVAL_MS));
        p.put("log.flush.scheduler.interval.ms", Long.toString(FLUSH_INTERVAL_MS));
        // A broker killed with kill -9 and started again registers with a new incarnation; its own controller (same
        // process, restarted with it) refuses that registration until the old one's session has expired, and the
        // broker opens its port only once registered: the session timeout is added to every broker restart.
        p.put("broker.session.timeout.ms", Long.toString(BROKER_SESSION_TIMEOUT_MS));
        p.put("broker.heartbeat.interval.ms", Long.toString(BROKER_HEARTBEAT_INTERVAL_MS));
        overrides(System.getProperties()).forEach(p::put);
        return p;
    }

    /**
     * How long the controller keeps a broker's registration without a heartbeat (Kafka's default 9 s): what a restart
     * after kill -9 waits before the broker may register again.
     */
    static final long BROKER_SESSION_TIMEOUT_MS = 3_000;
    /** The broker's heartbeat to its controller (Kafka's default 2 s): three fit in a session. */
    static final long BROKER_HEARTBEAT_INTERVAL_MS = 1_000;

    /** How long an appended record may stay unsynced in the page cache, in milliseconds. */
    static final long FLUSH_INTERVAL_MS = 1_000;

    /** Prefix of the system properties that set or override a broker property, e.g. {@code -Dkafka.broker.log.flush.interval.messages=1}. */
    static final String OVERRIDE_PREFIX = "kafka.broker.";

    static Properties overrides(Properties system) {
        Properties o = new Properties();
        for (String name : system.stringPropertyNames()) {
            if (name.startsWith(OVERRIDE_PREFIX) && name.length() > OVERRIDE_PREFIX.length()) {
                o.put(name.substring(OVERRIDE_PREFIX.length()), system.getProperty(name));
            }
        }
        return o;
    }

    private void awaitPort(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        throw new IllegalStateException("Kafka did not open port " + port + " within " + timeout);
    }

    /** The bootstrap servers string clients connect to. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }

    /** Runs a broker until the process is stopped: {@code --data DIR --port N --controller-port N}. */
    public static void main(String[] args) throws InterruptedException {
        CommandLine cli = CommandLine.parse(args);
        Path data = Path.of(cli.require("data"));
        int port = cli.intValue("port", 19092);
        int controllerPort = cli.intValue("controller-port", port + 1);
        int partitions = cli.intValue("partitions", 3);
        Ports.requireFree(port, "Kafka");
        Ports.requireFree(controllerPort, "the Kafka controller");
        KafkaBroker broker = start(data, port, controllerPort, partitions);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-shutdown"));
        System.out.println("kafka ready on " + broker.bootstrapServers());
        Thread.currentThread().join();
    }
}
