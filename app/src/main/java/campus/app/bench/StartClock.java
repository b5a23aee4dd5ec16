package campus.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Milliseconds since this JVM's process started, the zero of the start-up benchmark. */
public final class StartClock {

    private StartClock() {
    }

    private static final boolean TRACE = Boolean.getBoolean("campus.bench.trace");
    /** Linux's USER_HZ, the unit of a process's start time in /proc; 100 on every mainstream kernel. */
    private static final double CLOCK_TICKS_PER_S = 100;

    public static boolean isTracing() {
        return TRACE;
    }

    /** With {@code -Dcampus.bench.trace=true}, prints when a start-up step ends, to see where time goes. */
    public static void mark(String step) {
        if (TRACE) {
            System.out.println("trace " + sinceProcessStartMs() + " ms (process cpu " + processCpuMs() + " ms, thread cpu "
                    + cpuMs("/proc/thread-self/stat") + " ms) " + Thread.currentThread().getName() + ": " + step);
        }
    }

    public static long sinceProcessStartMs() {
        long linux = linuxProcessAgeMs();
        if (linux >= 0) {
            return linux;
        }
        long now = System.currentTimeMillis();
        Instant start = ProcessHandle.current().info().startInstant().orElse(null);
        long startMs = start != null ? start.toEpochMilli() : ManagementFactory.getRuntimeMXBean().getStartTime();
        return now - startMs;
    }

    /**
     * CPU time (user + system, all threads) this process has used so far, in ms, or -1 where /proc is
     * not there. Less disturbed by other load on the machine than the wall-clock time: the start-up
     * benchmark prints both.
     */
    public static long processCpuMs() {
        return cpuMs("/proc/self/stat");
    }

    private static long cpuMs(String statFile) {
        try {
            String stat = Files.readString(Path.of(statFile));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            long ticks = Long.parseLong(f[14 - 3]) + Long.parseLong(f[15 - 3]);
            return Math.round(ticks * 1000 / CLOCK_TICKS_PER_S);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * On Linux, {@code ProcessHandle}'s start instant adds the start time to the boot time, which the
     * kernel gives in whole seconds: every reading was off by the same fraction of a second (685 ms on
     * the machine where that was found), inflating both sides of the benchmark alike. The process's age
     * is exact to a clock tick without the boot time: uptime now minus uptime at the process start.
     * Returns -1 where /proc is not there.
     */
    private static long linuxProcessAgeMs() {
        try {
            String uptime = Files.readString(Path.of("/proc/uptime"));
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // Field 22 is the start time; the command name (field 2) may hold spaces, so count after its ')'.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            double startS = Long.parseLong(f[22 - 3]) / CLOCK_TICKS_PER_S;
            double upS = Double.parseDouble(uptime.substring(0, uptime.indexOf(' ')));
            return Math.round((upS - startS) * 1000);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * The nodes of a scene graph by class, most numerous first, with their total: what the first CSS
     * and layout passes work through. Printed by the start-up trace.
     */
    public static String nodeCensus(javafx.scene.Parent root) {
        java.util.Map<String, Integer> byClass = new java.util.HashMap<>();
        java.util.ArrayDeque<javafx.scene.Node> todo = new java.util.ArrayDeque<>(java.util.List.of(root));
        int total = 0;
        while (!todo.isEmpty()) {
            javafx.scene.Node n = todo.pop();
            total++;
            byClass.merge(n.getClass().getSimpleName(), 1, Integer::sum);
            if (n instanceof javafx.scene.Parent) {
                todo.addAll(((javafx.scene.Parent) n).getChildrenUnmodifiable());
            }
        }
        StringBuilder out = new StringBuilder().append(total);
        byClass.entrySet().stream().sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> out.append(' ').append(e.getKey()).append('=').append(e.getValue()));
        return out.toString();
    }
}
