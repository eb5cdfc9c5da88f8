package io.annualreport.ingest;

import java.nio.file.Path;
import java.util.Map;

import io.annualreport.infra.KafkaBroker;
import io.annualreport.infra.Ports;
import io.annualreport.testsupport.TestDirs;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real single-node broker that a test can stop and start again on the same ports and data directory. */
public class RestartableKafkaResource implements QuarkusTestResourceLifecycleManager {

    private static Path data;
    private static int port;
    private static int controllerPort;
    private static KafkaBroker broker;

    @Override
    public Map<String, String> start() {
        data = TestDirs.fresh("kafka-restartable");
        port = Ports.free();
        controllerPort = Ports.free();
        startBroker();
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    /** Stops the broker; its data directory stays. */
    static synchronized void stopBroker() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    /** Starts the broker again on the same ports, with the data it had. */
    static synchronized void startBroker() {
        if (broker == null) {
            broker = KafkaBroker.start(data, port, controllerPort, 1);
        }
    }

    @Override
    public void stop() {
        stopBroker();
    }
}
