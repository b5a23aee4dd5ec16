package campus.labs.bench;

import campus.i18n.Text;
import campus.labs.CheckKind;
import campus.labs.Lab;
import campus.labs.LabSession;
import campus.labs.RevealRule;
import campus.labs.Verdict;
import campus.labs.check.CheckOptions;
import campus.labs.dataset.DatasetLibrary;
import campus.labs.sandbox.RunResult;
import campus.labs.sandbox.SandboxLimits;
import campus.labs.sandbox.WorkerSandbox;
import campus.labs.sql.GuardPolicy;
import campus.progress.LearningEventSink;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What running learner SQL in a worker process costs, next to running it in the Campus JVM: the start of a lab
 * (session open: dataset load and reference, plus the worker's JVM start), run + check of a passing attempt (warm),
 * and, for the worker only, how long a statement H2 never cancels takes to end in a verdict and how long the next
 * attempt waits for the replacement worker. Run:
 * {@code mvn -B -o -pl labs -am verify -Pbench -DskipTests -Dbench.main=campus.labs.bench.IsolationBenchmark}.
 * Wall-clock medians; no assertions.
 */
public final class IsolationBenchmark {

    private IsolationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int opens = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        System.out.printf("campus lab isolation benchmark: %d cores, max heap %d MB, load %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, load());
        Lab result = new Lab("bench-trips-per-district", Text.same("t"), Text.same("t"), "bikeshare", 10_000, CheckKind.RESULT,
                CheckOptions.DEFAULT, 10, List.of(), RevealRule.DEFAULT, "",
                "SELECT s.district, COUNT(*) AS trips, ROUND(AVG(t.fare), 2) AS avg_fare FROM trips t"
                        + " JOIN stations s ON s.id = t.start_station GROUP BY s.district",
                "bench", "01-bench", Path.of("bench.json"));
        String resultAttempt = "SELECT st.district, COUNT(*), ROUND(AVG(tr.fare), 2) FROM stations st JOIN trips tr"
                + " ON tr.start_station = st.id GROUP BY st.district ORDER BY 2 DESC";
        Lab state = new Lab("bench-reprice", Text.same("t"), Text.same("t"), "bookshop", 3000, CheckKind.STATE,
                new CheckOptions(false, false, null, List.of("books"), List.of()), 10, List.of(), RevealRule.DEFAULT, "",
                "UPDATE books SET price = price * 1.10 WHERE genre = 'poetry'", "bench", "01-bench", Path.of("bench.json"));
        String stateAttempt = "UPDATE books SET price = 1.10 * price WHERE genre = 'poetry'";

        for (String isolation : List.of("in-process", "process")) {
            System.setProperty("campus.labs.isolation", isolation);
            for (Lab lab : List.of(result, state)) {
                String attempt = lab == result ? resultAttempt : stateAttempt;
                double[] open = new double[opens];
                for (int i = 0; i < opens; i++) {
                    long t0 = System.nanoTime();
                    try (LabSession s = LabSession.open(lab, DatasetLibrary.bundled(), SandboxLimits.DEFAULT, LearningEventSink.NONE)) {
                        open[i] = (System.nanoTime() - t0) / 1e6;
                        if (i == 0) {
                            check(s, attempt, 100);
                            double[] t = new double[200];
                            for (int k = 0; k < t.length; k++) {
                                long a = System.nanoTime();
                                check(s, attempt, 1);
                                t[k] = (System.nanoTime() - a) / 1e6;
                            }
                            report(isolation + ": run + check, " + lab.kind() + " lab (warm)", t);
                        }
                    }
                }
                report(isolation + ": start of a lab (open: " + (isolation.equals("process") ? "worker JVM + " : "")
                        + "dataset + reference), " + lab.kind() + " lab", open);
            }
        }

        try (WorkerSandbox w = WorkerSandbox.open(DatasetLibrary.bundled().find("bookshop").orElseThrow(), 3000,
                GuardPolicy.READ_ONLY, SandboxLimits.DEFAULT)) {
            double[] verdict = new double[5];
            double[] next = new double[5];
            for (int i = 0; i < verdict.length; i++) {
                long t0 = System.nanoTime();
                RunResult r = w.run("SELECT COUNT(*) FROM books WHERE REPEAT('a', 3000)"
                        + " LIKE '%a%a%a%a%a%a%a%a%a%a%a%a%a%a%a%a%a%a%a%a%b'");
                verdict[i] = (System.nanoTime() - t0) / 1e6;
                if (r.ok()) {
                    throw new IllegalStateException("the uncancellable LIKE finished");
                }
                long t1 = System.nanoTime();
                if (!w.run("SELECT COUNT(*) FROM books").ok()) {
                    throw new IllegalStateException("next attempt failed");
                }
                next[i] = (System.nanoTime() - t1) / 1e6;
            }
            report("process: uncancellable LIKE (limit 5 s) until its verdict", verdict);
            report("process: next attempt after the kill (waits for the new worker)", next);
        }
        System.exit(0);
    }

    private static void check(LabSession s, String attempt, int times) {
        for (int i = 0; i < times; i++) {
            Verdict v = s.check(attempt);
            if (!v.passed()) {
                throw new IllegalStateException("benchmark attempt should pass: " + v.messages());
            }
        }
    }

    private static String load() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static void report(String what, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        System.out.printf("%-95s median %8.1f ms   min %8.1f   max %8.1f   (N = %d)%n", what, s[s.length / 2], s[0],
                s[s.length - 1], s.length);
    }
}
