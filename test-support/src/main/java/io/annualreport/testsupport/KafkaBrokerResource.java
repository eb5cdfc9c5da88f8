package io.annualreport.testsupport;

import java.nio.file.Path;
import java.util.Map;

import io.annualreport.infra.KafkaBroker;
import io.annualreport.infra.Ports;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a real single-node Kafka broker (KRaft) in the test JVM for a {@code @QuarkusTest}; with
 * {@code -Dkafka.bootstrap=host:port} it uses that running broker instead.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    private KafkaBroker broker;

    @Override
    public Map<String, String> start() {
        String external = System.getProperty("kafka.bootstrap");
        if (external != null && !external.isBlank()) {
            return Map.of("kafka.bootstrap.servers", external);
        }
        Path data = TestDirs.fresh("kafka");
        broker = KafkaBroker.start(data, Ports.free(), Ports.free(), 1);
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
