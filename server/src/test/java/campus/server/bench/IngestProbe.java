package campus.server.bench;

import campus.progress.sync.protocol.Protocol;
import campus.progress.sync.protocol.PushRequest;
import campus.server.auth.Principal;
import campus.server.auth.Role;
import campus.server.db.Database;
import campus.server.sync.EventStore;
import campus.server.sync.PushChunk;
import campus.server.testing.TestClient;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The push path without HTTP, in this process, into a fresh embedded H2 file as the server opens it: CPU per
 * event of parsing, field checks and the transaction apart (one thread), or of all three from {@code threads}
 * threads (process CPU, GC and H2 included). Four rounds; the first two warm the JIT up. Figures in
 * docs/benchmarks.md (server load run, 2026-12-05).
 *
 * <pre>java -cp server/target/test-classes:server/target/classes:$(cat server/target/test-classpath.txt) \
 *     campus.server.bench.IngestProbe [pushes 300] [threads 0]</pre>
 */
public final class IngestProbe {

    private static final int EVENTS = 200;

    public static void main(String[] args) throws Exception {
        int pushes = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        Path dir = Files.createTempDirectory("campus-ingest-probe-");
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("progress"), null, null, Math.max(4, threads))) {
            EventStore store = new EventStore(db, Clock.systemUTC());
            for (int round = 0; round < 4; round++) {
                List<String> bodies = new ArrayList<>();
                for (int i = 0; i < pushes; i++) {
                    String device = "r" + round + "-d" + i;
                    bodies.add(Protocol.gson().toJson(new PushRequest(device, TestClient.events(device, 1, EVENTS))));
                }
                double events = pushes * (double) EVENTS;
                if (threads > 0) {
                    concurrent(store, bodies, threads, round, events);
                } else {
                    stages(store, bodies, round, events);
                }
            }
        }
    }

    private static Principal learner(int i) {
        return new Principal("account-" + (i % 300), "learner" + (i % 300), Role.of("learner"), "probe");
    }

    private static void stages(EventStore store, List<String> bodies, int round, double events) throws Exception {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long parse = 0;
        long check = 0;
        long push = 0;
        for (int i = 0; i < bodies.size(); i++) {
            long t0 = bean.getCurrentThreadCpuTime();
            JsonObject o = JsonParser.parseString(bodies.get(i)).getAsJsonObject();
            long t1 = bean.getCurrentThreadCpuTime();
            PushChunk chunk = PushChunk.of(o);
            long t2 = bean.getCurrentThreadCpuTime();
            store.push(learner(i), chunk);
            long t3 = bean.getCurrentThreadCpuTime();
            parse += t1 - t0;
            check += t2 - t1;
            push += t3 - t2;
        }
        System.out.printf("round %d: thread CPU per event: parse %.1f µs, checks %.1f µs, transaction %.1f µs%n",
                round, parse / events / 1000, check / events / 1000, push / events / 1000);
    }

    private static void concurrent(EventStore store, List<String> bodies, int threads, int round, double events) throws Exception {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < bodies.size(); i++) {
                String body = bodies.get(i);
                Principal p = learner(i);
                done.add(pool.submit(() -> store.push(p, PushChunk.of(JsonParser.parseString(body).getAsJsonObject()))));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        System.out.printf("round %d: %d threads: process CPU %.1f µs per event, %.0f events/s%n", round, threads,
                (os.getProcessCpuTime() - cpu0) / events / 1000, events / ((System.nanoTime() - wall0) / 1e9));
    }
}
