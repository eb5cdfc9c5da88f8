package io.annualreport.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The chaos run through {@code ./pipeline}: by default the reduced run (200 reports, one kill -9 per service, one broker
 * kill, a blob store outage, two parse instances); {@code -Dchaos.full=true -Dchaos.reports=1000} is the full run with scans, two kills per
 * service and a PostgreSQL outage ({@code -Dchaos.postgres-outage-seconds}, default 300). The figures are written to
 * {@code target/chaos-result.json}.
 */
class ChaosIT {

    @Test
    void shouldLoseNothingDoubleNothingAndDeadLetterNothingWhileEveryPartIsKilled() throws Exception {
        // Given
        boolean full = Boolean.getBoolean("chaos.full");
        int reports = Integer.getInteger("chaos.reports", full ? 1000 : 200);
        ChaosHarness.Plan plan = full
                ? ChaosHarness.Plan.full(reports,
                        Duration.ofSeconds(Long.getLong("chaos.postgres-outage-seconds", 300)))
                : ChaosHarness.Plan.reduced(reports);
        String order = System.getProperty("chaos.kills", "");
        if (!order.isBlank()) {
            plan = plan.withKills(List.of(order.split(",")));
        }
        Path home = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"))),
                "pipeline-chaos-");
        PipelineProcess pipeline = new PipelineProcess(home);
        ChaosHarness.Result result;
        PipelineProcess.Result status;
        try {
            PipelineProcess.Result up = pipeline.run(Duration.ofMinutes(15), "up");
            assertThat(up.exitCode()).as(up.output()).isZero();
            // two parse instances in one consumer group; the first is the one killed
            PipelineProcess.Result scale = pipeline.run(Duration.ofMinutes(10), "scale", "parse=2");
            assertThat(scale.exitCode()).as(scale.output()).isZero();
            // When
            result = new ChaosHarness(pipeline, plan).run(home);
            status = pipeline.run(Duration.ofMinutes(1), "status");
        } finally {
            PipelineProcess.Result down = pipeline.run(Duration.ofMinutes(2), "down");
            assertThat(down.exitCode()).as(down.output()).isZero();
        }
        Path out = Path.of("target/chaos-result.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), result);
        System.out.println("chaos run: " + Files.readString(out));

        // Then
        assertThat(result.acknowledged()).as("acknowledged").isEqualTo(reports);
        assertThat(result.lost()).as("lost").isZero();
        assertThat(result.stuck()).as("stuck").isZero();
        assertThat(result.doubledRuns()).as("doubled runs").isZero();
        assertThat(result.validatedWithoutCells()).as("VALIDATED without cells at the end").isZero();
        assertThat(result.validatedWithoutCellsSeen()).as("VALIDATED without cells seen while polling").isZero();
        assertThat(result.deadLettered()).as("dead-lettered").isZero();
        assertThat(result.recoveries()).as("recovered kills").hasSize(plan.kills().size() + 1);
        assertThat(result.problems()).isEmpty();
        assertThat(status.output()).as("status").contains("parse-2").contains("STAGE").contains("DEAD-LETTER TOPIC")
                .containsPattern("parse-service\\s+reports.submitted\\s+0\\s+2");
    }
}
