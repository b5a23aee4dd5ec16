package campus.labs.bench;

import campus.i18n.Text;
import campus.labs.CheckKind;
import campus.labs.Lab;
import campus.labs.LabSession;
import campus.labs.RevealRule;
import campus.labs.Verdict;
import campus.labs.check.CheckOptions;
import campus.labs.dataset.Dataset;
import campus.labs.dataset.DatasetLibrary;
import campus.labs.sandbox.Sandbox;
import campus.labs.sandbox.SandboxLimits;
import campus.labs.sql.GuardPolicy;
import campus.progress.LearningEventSink;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Prints the lab performance figures. Run: {@code mvn -B -o -pl labs -am verify -Pbench -DskipTests}
 * (see labs/README.md). Wall-clock medians over repeated runs after warm-up; no assertions.
 */
public final class LabBenchmark {

    private LabBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int big = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Dataset bikes = DatasetLibrary.bundled().find("bikeshare").orElseThrow();
        System.out.printf("campus labs benchmark: %d cores, max heap %d MB%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);

        Lab lab = new Lab("bench-trips-per-district", Text.same("t"), Text.same("t"), "bikeshare", 10_000, CheckKind.RESULT,
                CheckOptions.DEFAULT, 10, List.of(), RevealRule.DEFAULT, "",
                "SELECT s.district, COUNT(*) AS trips, ROUND(AVG(t.fare), 2) AS avg_fare FROM trips t"
                        + " JOIN stations s ON s.id = t.start_station GROUP BY s.district",
                "bench", "01-bench", Path.of("bench.json"));
        try (LabSession s = LabSession.open(lab, DatasetLibrary.bundled(), SandboxLimits.DEFAULT, LearningEventSink.NONE)) {
            String attempt = "SELECT st.district, COUNT(*), ROUND(AVG(tr.fare), 2) FROM stations st JOIN trips tr"
                    + " ON tr.start_station = st.id GROUP BY st.district ORDER BY 2 DESC";
            for (int i = 0; i < 200; i++) {
                s.check(attempt);
            }
            double[] t = new double[300];
            for (int i = 0; i < t.length; i++) {
                long t0 = System.nanoTime();
                Verdict v = s.check(attempt);
                t[i] = (System.nanoTime() - t0) / 1e6;
                if (!v.passed()) {
                    throw new IllegalStateException("benchmark attempt should pass");
                }
            }
            report("run + check, result lab, 10,000 trips (warm)", t);
        }

        long t0 = System.nanoTime();
        try (Sandbox ro = Sandbox.open(bikes, big, GuardPolicy.READ_ONLY, SandboxLimits.DEFAULT)) {
            System.out.printf("generate + load %,d trips (read-only sandbox): %.0f ms%n", big, (System.nanoTime() - t0) / 1e6);
            double[] t = new double[50];
            for (int i = 0; i < t.length; i++) {
                long a = System.nanoTime();
                ro.reset();
                t[i] = (System.nanoTime() - a) / 1e6;
            }
            report("isolation, result lab (read-only user: nothing to undo), " + big + " trips", t);
        }
        t0 = System.nanoTime();
        try (Sandbox rw = Sandbox.open(bikes, big, GuardPolicy.READ_WRITE, SandboxLimits.DEFAULT)) {
            System.out.printf("generate + load %,d trips (state sandbox: no copy until DDL touches a table): %.0f ms%n", big,
                    (System.nanoTime() - t0) / 1e6);
            // The first rollbacks run H2's undo code cold (interpreted): measured separately, then warm.
            double[] cold = new double[10];
            double[] t = new double[100];
            for (int i = 0; i < cold.length + t.length; i++) {
                int k = i % 500;
                rw.run("UPDATE trips SET fare = fare + 1 WHERE id BETWEEN " + (k * 1000 + 1) + " AND " + (k * 1000 + 500)
                        + "; DELETE FROM trips WHERE id BETWEEN " + (k * 1000 + 600) + " AND " + (k * 1000 + 650));
                long a = System.nanoTime();
                rw.reset();
                double ms = (System.nanoTime() - a) / 1e6;
                if (i < cold.length) {
                    cold[i] = ms;
                } else {
                    t[i - cold.length] = ms;
                }
            }
            report("isolation, state lab, DML attempt (rollback of 551 changed rows), first 10, " + big + " trips", cold);
            report("isolation, state lab, DML attempt (rollback of 551 changed rows), warm, " + big + " trips", t);
            // What the learner waits for: LabSession.check hands the same rollback to a background thread
            // (Sandbox.resetLater) and returns the verdict; the rollback finishes while the verdict is read.
            double[] later = new double[100];
            double[] background = new double[100];
            for (int i = 0; i < later.length; i++) {
                int k = (i + 200) % 500;
                rw.run("UPDATE trips SET fare = fare + 1 WHERE id BETWEEN " + (k * 1000 + 1) + " AND " + (k * 1000 + 500)
                        + "; DELETE FROM trips WHERE id BETWEEN " + (k * 1000 + 600) + " AND " + (k * 1000 + 650));
                long a = System.nanoTime();
                rw.resetLater();
                long b = System.nanoTime();
                while (rw.resetPending()) {
                    Thread.sleep(0, 100_000); // idle like a learner reading the verdict, not spinning on a core
                }
                later[i] = (b - a) / 1e6;
                background[i] = (System.nanoTime() - a) / 1e6;
            }
            report("isolation on the learner's path (resetLater), state lab, DML attempt, " + big + " trips", later);
            report("  the same rollback finishing in the background, " + big + " trips", background);
            double[] d = new double[30];
            for (int i = 0; i < d.length; i++) {
                rw.run("CREATE TABLE scratch (a INT PRIMARY KEY, b VARCHAR(10)); INSERT INTO scratch VALUES (1, 'x');"
                        + " UPDATE trips SET fare = 0 WHERE id = " + (i + 1));
                long a = System.nanoTime();
                rw.reset();
                d[i] = (System.nanoTime() - a) / 1e6;
            }
            report("isolation, state lab, DDL attempt creating a new table (+ DML after it), " + big + " trips", d);
            double[] m = new double[30];
            for (int i = 0; i < m.length; i++) {
                rw.run("UPDATE stations SET capacity = 0; CREATE TABLE empty_stations AS SELECT * FROM stations WHERE capacity = 0");
                long a = System.nanoTime();
                rw.reset();
                m[i] = (System.nanoTime() - a) / 1e6;
            }
            report("isolation, state lab, DML on a small table committed by DDL (restore 40-row stations)", m);
            long c0 = System.nanoTime();
            rw.run("ALTER TABLE trips ADD COLUMN note VARCHAR(20)");
            System.out.printf("the learner's ALTER TABLE trips ADD COLUMN itself (incl. the one-time copy of trips): %.0f ms%n",
                    (System.nanoTime() - c0) / 1e6);
            double[] big1 = new double[3];
            for (int i = 0; i < big1.length; i++) {
                if (i > 0) {
                    rw.run("ALTER TABLE trips ADD COLUMN note VARCHAR(20)");
                }
                long a = System.nanoTime();
                rw.reset();
                big1[i] = (System.nanoTime() - a) / 1e6;
            }
            report("isolation, state lab, DDL attempt altering trips (restore " + big + " rows + keys + indexes)", big1);
            rw.run("ALTER TABLE trips ADD COLUMN note VARCHAR(20)");
            long l0 = System.nanoTime();
            rw.resetLater();
            long l1 = System.nanoTime();
            while (rw.resetPending()) {
                Thread.sleep(1);
            }
            System.out.printf("%-90s %9.3f ms (restore finished in the background after %,.0f ms)%n",
                    "isolation on the learner's path (resetLater), DDL attempt altering trips", (l1 - l0) / 1e6,
                    (System.nanoTime() - l0) / 1e6);
        }
        double[] reload = new double[2];
        for (int i = 0; i < reload.length; i++) {
            long a = System.nanoTime();
            try (Sandbox ro = Sandbox.open(bikes, big, GuardPolicy.READ_ONLY, SandboxLimits.DEFAULT)) {
                reload[i] = (System.nanoTime() - a) / 1e6;
            }
        }
        report("baseline: isolation by reloading the dataset, " + big + " trips", reload);
    }

    private static void report(String what, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        System.out.printf("%-90s median %9.3f ms  p90 %9.3f ms  (n=%d)%n", what, s[s.length / 2],
                s[Math.min(s.length - 1, (int) (s.length * 0.9))], s.length);
    }
}
