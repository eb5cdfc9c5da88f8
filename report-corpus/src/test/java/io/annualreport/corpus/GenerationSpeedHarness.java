package io.annualreport.corpus;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import io.annualreport.model.template.Edition;

/**
 * Times generating reports (tables, narrative, truth text) and rendering them as TEXT, in wall and CPU time. A
 * harness for the lead, not a test; it asserts nothing.
 *
 * <p>
 * Arguments: reports per round (default 1000), rounds (default 5; the first ones warm the JIT up).
 */
public final class GenerationSpeedHarness {

    private GenerationSpeedHarness() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ReportRenderer renderer = new ReportRenderer();
        for (int round = 0; round < rounds; round++) {
            CorpusGenerator generator = new CorpusGenerator(round);
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            long characters = 0;
            for (int i = 0; i < count; i++) {
                characters += generator.generate(i % 2 == 0 ? Edition.E2019 : Edition.E2021, Noise.all()).text()
                        .length();
            }
            long generatedCpu = threads.getCurrentThreadCpuTime() - cpu;
            long generatedWall = System.nanoTime() - wall;
            CorpusGenerator again = new CorpusGenerator(round);
            long renderCpu = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < count; i++) {
                GeneratedReport report = again.generate(i % 2 == 0 ? Edition.E2019 : Edition.E2021, Noise.all());
                characters += renderer.render(report, Format.TEXT, Noise.all()).length;
            }
            long bothCpu = threads.getCurrentThreadCpuTime() - renderCpu;
            System.out.printf("round %d: %d reports generated in %d ms wall, %d ms CPU; generated + rendered as TEXT"
                    + " in %d ms CPU (%d chars)%n", round + 1, count, generatedWall / 1_000_000,
                    generatedCpu / 1_000_000, bothCpu / 1_000_000, characters);
        }
    }
}
