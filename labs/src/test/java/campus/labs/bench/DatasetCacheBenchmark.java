package campus.labs.bench;

import campus.i18n.Lang;
import campus.labs.dataset.Dataset;
import campus.labs.dataset.DatasetLibrary;
import campus.labs.dataset.LoadProgress;
import campus.labs.sandbox.DatasetCache;
import campus.labs.sandbox.Sandbox;
import campus.labs.sandbox.SandboxLimits;
import campus.labs.sql.GuardPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a learner waits for when a lab opens a big generated dataset: the first time (generated into the cache, saved,
 * copied) and from the second time on (a copy of the saved file), next to generating it in memory as without a cache,
 * and what the file-backed copy costs a full scan. Run by {@code bench/dataset-cache.sh} (see there); no assertions.
 *
 * <p>Arguments: dataset, rows, cache folder (emptied first), {@code baseline} to also generate it in memory.
 */
public final class DatasetCacheBenchmark {

    private DatasetCacheBenchmark() {
    }

    private static final String SCAN = "SELECT COUNT(*), SUM(quantity) FROM order_items";

    public static void main(String[] args) throws Exception {
        String name = args.length > 0 ? args[0] : "bookshop";
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Path folder = Path.of(args.length > 2 ? args[2] : "target/bench-dataset-cache");
        boolean baseline = args.length > 3 && args[3].equals("baseline");
        Dataset ds = DatasetLibrary.bundled().find(name).orElseThrow();
        System.out.printf("campus dataset cache benchmark: %s at %,d rows, %d cores, max heap %d MB%n", name, rows,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        if (Files.exists(folder)) {
            try (Stream<Path> s = Files.walk(folder)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        String scan = name.equals("bookshop") ? SCAN : "SELECT COUNT(*), SUM(duration_s) FROM trips";

        if (baseline) {
            long t0 = System.nanoTime();
            try (Sandbox sb = Sandbox.open(ds, rows, GuardPolicy.READ_ONLY, SandboxLimits.DEFAULT)) {
                report("no cache: generate in memory (what every open cost before)", t0);
                timeScan(sb, scan, "full scan on the in-memory database");
            }
        }

        DatasetCache cache = DatasetCache.in(folder);
        List<String> phases = new ArrayList<>();
        long[] lastReport = {0};
        int[] reports = {0};
        LoadProgress progress = (what, f) -> {
            reports[0]++;
            String m = what.in(Lang.EN);
            if (phases.isEmpty() || !phases.get(phases.size() - 1).startsWith(m)) {
                phases.add(m);
            }
            long now = System.nanoTime();
            if (now - lastReport[0] > 2_000_000_000L && f >= 0) {
                lastReport[0] = now;
                System.out.printf("    … %.0f %%%n", f * 100);
            }
        };
        long t0 = System.nanoTime();
        try (Sandbox sb = Sandbox.open(ds, rows, GuardPolicy.READ_ONLY, SandboxLimits.DEFAULT, cache, progress)) {
            report("first open: generate into the cache, save, copy, open (read-only sandbox)", t0);
            System.out.println("    progress reports: " + reports[0] + ", phases: " + phases);
            timeScan(sb, scan, "full scan on the file-backed copy");
        }
        try (Stream<Path> s = Files.list(cache.folder())) {
            for (Path p : s.filter(p -> p.toString().endsWith(".mv.db")).toList()) {
                System.out.printf("    cache entry %s: %.1f MB%n", p.getFileName(), Files.size(p) / 1e6);
            }
        }
        for (GuardPolicy policy : new GuardPolicy[] {GuardPolicy.READ_ONLY, GuardPolicy.READ_WRITE}) {
            List<Double> ms = new ArrayList<>();
            for (int k = 0; k < 5; k++) {
                long t = System.nanoTime();
                try (Sandbox sb = Sandbox.open(ds, rows, policy, SandboxLimits.DEFAULT, cache, LoadProgress.NONE)) {
                    sb.schema(); // what the lab pane reads once the session is open
                    ms.add((System.nanoTime() - t) / 1e6);
                }
            }
            ms.sort(null);
            System.out.printf("second and later opens, %s sandbox (n=5, incl. reading the schema): median %.0f ms, max %.0f ms%n",
                    policy == GuardPolicy.READ_ONLY ? "read-only" : "read-write", ms.get(2), ms.get(4));
        }
    }

    private static void timeScan(Sandbox sb, String scan, String what) {
        for (int k = 1; k <= 2; k++) {
            long t = System.nanoTime();
            if (!sb.run(scan).ok()) {
                throw new IllegalStateException(scan);
            }
            System.out.printf("    %s, run %d: %.0f ms%n", what, k, (System.nanoTime() - t) / 1e6);
        }
    }

    private static void report(String what, long t0) {
        System.out.printf("%s: %.1f s%n", what, (System.nanoTime() - t0) / 1e9);
    }
}
