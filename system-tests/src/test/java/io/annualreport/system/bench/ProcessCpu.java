package io.annualreport.system.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU seconds of a process and all its descendants from {@code /proc/<pid>/stat}: utime + stime of each live process,
 * plus cutime + cstime of the root (children that have already exited and been waited for).
 */
final class ProcessCpu {

    /** Clock ticks per second of {@code /proc} times; 100 on every Linux this runs on (getconf CLK_TCK). */
    private static final double TICKS = Double.parseDouble(System.getProperty("bench.clk-tck", "100"));

    private ProcessCpu() {
    }

    /** CPU seconds used so far by the process and its descendants (0 when it is gone). */
    static double seconds(long pid) {
        long[] root = ticks(pid);
        if (root == null) {
            return 0;
        }
        long total = root[0] + root[1] + root[2] + root[3];
        total += ProcessHandle.of(pid).map(p -> p.descendants().mapToLong(d -> {
            long[] t = ticks(d.pid());
            // a descendant's own exited children are counted in its cutime/cstime
            return t == null ? 0 : t[0] + t[1] + t[2] + t[3];
        }).sum()).orElse(0L);
        return total / TICKS;
    }

    /** The CPU seconds of each named process now. */
    static Map<String, Double> snapshot(Map<String, Long> pids) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        pids.forEach((name, pid) -> cpu.put(name, seconds(pid)));
        return cpu;
    }

    /** utime, stime, cutime, cstime in ticks, or null when the process is gone. */
    private static long[] ticks(long pid) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException e) {
            return null;
        }
        // the command name (field 2) may contain spaces and parentheses: fields are counted after the last ')'
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // f[0] is field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17
        return new long[]{Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]),
                Long.parseLong(f[14])};
    }
}
