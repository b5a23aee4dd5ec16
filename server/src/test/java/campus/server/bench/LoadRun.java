package campus.server.bench;

import campus.progress.sync.protocol.Accounts.PasswordChange;
import campus.progress.sync.protocol.Protocol;
import campus.progress.sync.protocol.PullRequest;
import campus.progress.sync.protocol.PullResponse;
import campus.progress.sync.protocol.PushRequest;
import campus.progress.sync.protocol.WireEvent;
import campus.server.auth.AdminBootstrap;
import campus.server.testing.ServerProcess;
import campus.server.testing.TestClient;
import campus.server.testing.TestClient.Reply;
import campus.server.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A class syncing at once, over real HTTP on loopback against the server in a process of its own:
 * {@code learners} devices each push {@code events} events in one chunk and pull, all released together
 * (the burst); then every learner syncs a few new events about every 5 s (the trickle). Prints events ingested
 * per second, p50/p99 of one device's sync (push + pull), and the server's largest heap in use (sampled from
 * its metrics). {@code --knee} then doubles the learners until the burst's p99 passes 1 s.
 *
 * <pre>bench/server-load.sh [--db JDBC-URL] [--learners 300] [--events 200] [--trickle 20] [--knee] [--heap 1g]
 *                      [--server-jvm -XX:StartFlightRecording=filename=server.jfr]</pre>
 */
public final class LoadRun {

    private final TestClient client;
    private final long serverPid;
    private final String adminToken;
    private final List<String> tokens = Collections.synchronizedList(new ArrayList<>());
    /** Per account, the devices synced in earlier rounds and their last seq: what a device already holds. */
    private final Map<String, Map<String, Long>> known = new java.util.concurrent.ConcurrentHashMap<>();
    /** Accounts made at most; beyond, devices share accounts (a learner's second, third … device). */
    private static final int MAX_ACCOUNTS = 600;
    private final AtomicLong maxHeap = new AtomicLong();
    private final AtomicLong unavailable = new AtomicLong();
    private int round;

    private LoadRun(TestClient client, String adminToken, long serverPid) {
        this.client = client;
        this.serverPid = serverPid;
        this.adminToken = adminToken;
    }

    public static void main(String[] args) throws Exception {
        String db = null;
        int learners = 300;
        int events = 200;
        int trickle = 20;
        boolean knee = false;
        int warmUps = 1;
        String heap = "1g";
        List<String> jvm = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--db": db = args[++i]; break;
                case "--learners": learners = Integer.parseInt(args[++i]); break;
                case "--events": events = Integer.parseInt(args[++i]); break;
                case "--trickle": trickle = Integer.parseInt(args[++i]); break;
                case "--knee": knee = true; break;
                case "--warm-ups": warmUps = Integer.parseInt(args[++i]); break;
                case "--heap": heap = args[++i]; break;
                case "--server-jvm": jvm.add(args[++i]); break;
                default: throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path data = Files.createTempDirectory("campus-load-");
        List<String> serverArgs = new ArrayList<>(List.of("--db-pool", "16"));
        if (db != null) {
            serverArgs.addAll(List.of("--db", db));
        }
        try (ServerProcess server = ServerProcess.start(withHeap(jvm, heap), data, serverArgs.toArray(new String[0]))) {
            TestClient c = new TestClient(server.url());
            String admin = c.login(AdminBootstrap.USER, TestServer.oneTimePassword(data.resolve(AdminBootstrap.FILE))).token();
            TestClient.expect(c.post(Protocol.PASSWORD, admin, new PasswordChange(null, "load run admin")), 204);
            LoadRun run = new LoadRun(c, admin, server.pid());
            System.out.printf("server %s, %s; %d cores%n", server.url(), db == null ? "embedded H2" : db.replaceAll("password=[^&]*", "password=***"),
                    Runtime.getRuntime().availableProcessors());
            System.out.println("phase      learners  events  wall s  events/s  sync p50 ms  sync p99 ms  max heap MB  503s  server CPU s"
                    + "  events/CPU s  generator CPU s   load average after");
            // A server runs for hours: a first burst of the same size warms it up, so the figures are of compiled
            // code rather than of the JIT compiler (which on two busy cores takes minutes of its own).
            for (int w = 0; w < warmUps; w++) {
                run.burst(learners, events, "warm-up");
            }
            long p99 = run.burst(learners, events, "burst");
            if (trickle > 0) { // --trickle 0: the burst only
                run.trickle(learners, trickle);
            }
            if (knee) {
                run.knee(learners, events, p99);
            }
        }
    }

    /**
     * Where a burst's p99 crosses 1 s: doubles the learners from {@code learners} while it stays below, or halves
     * them while it stays above (a busy machine can put the knee below the class size), down to 10.
     */
    private void knee(int learners, int events, long p99) throws Exception {
        boolean up = p99 <= 1000;
        for (int l = up ? learners * 2 : learners / 2; l >= 10 && l <= 9600; l = up ? l * 2 : l / 2) {
            long p = burst(l, events, "knee");
            if (up == (p > 1000)) {
                return;
            }
        }
    }

    private static List<String> withHeap(List<String> jvm, String heap) {
        List<String> all = new ArrayList<>(jvm);
        all.add("-Xmx" + heap);
        return all;
    }

    private void ensureAccounts(int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> made = new ArrayList<>();
            for (int i = tokens.size(); i < n; i++) {
                String user = "learner" + i;
                made.add(pool.submit(() -> client.newAccount(adminToken, "learner", user, "password of " + user).token()));
            }
            for (Future<String> f : made) {
                tokens.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** All learners sync at once; returns the p99 of one device's sync in ms. */
    private long burst(int learners, int events, String phase) throws Exception {
        ensureAccounts(Math.min(learners, MAX_ACCOUNTS));
        int r = ++round;
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong lastAck = new AtomicLong();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(learners);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < learners; i++) {
            String token = tokens.get(i % tokens.size());
            String device = "r" + r + "-d" + i;
            Map<String, Long> holds = new java.util.HashMap<>(known.getOrDefault(token, Map.of()));
            holds.put(device, (long) events);
            // The device holds its events before it syncs: made and encoded on the learner's machine, not timed here.
            String body = Protocol.gson().toJson(new PushRequest(device, TestClient.events(device, 1, events)));
            done.add(pool.submit(() -> {
                go.await();
                long t0 = System.nanoTime();
                pushRaw(token, body);
                lastAck.accumulateAndGet(System.nanoTime(), Math::max);
                pullAll(token, device, holds);
                latencies.add((System.nanoTime() - t0) / 1_000_000);
                known.computeIfAbsent(token, k -> new java.util.concurrent.ConcurrentHashMap<>()).put(device, (long) events);
                return null;
            }));
        }
        double cpu0 = serverCpuSeconds();
        double own0 = cpuSeconds("self");
        long start = System.nanoTime();
        go.countDown();
        awaitAll(done, pool);
        long wall = System.nanoTime() - start;
        double ingest = learners * (double) events / ((lastAck.get() - start) / 1e9);
        return report(phase, learners, learners * events, wall, ingest, latencies, serverCpuSeconds() - cpu0,
                cpuSeconds("self") - own0);
    }

    /** Each learner pushes 1 to 3 new events and pulls about every 5 s, for {@code seconds}. */
    private void trickle(int learners, int seconds) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong sent = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(learners);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < learners; i++) {
            String token = tokens.get(i % tokens.size());
            String device = "trickle-d" + i;
            long seed = i;
            done.add(pool.submit(() -> {
                Random random = new Random(seed);
                Thread.sleep(random.nextInt(5000));
                long seq = 0;
                while (System.nanoTime() < end) {
                    int n = 1 + random.nextInt(3);
                    long t0 = System.nanoTime();
                    push(token, device, TestClient.events(device, seq + 1, seq + n));
                    seq += n;
                    Map<String, Long> holds = new java.util.HashMap<>(known.getOrDefault(token, Map.of()));
                    holds.put(device, seq);
                    pullAll(token, device, holds);
                    latencies.add((System.nanoTime() - t0) / 1_000_000);
                    sent.addAndGet(n);
                    Thread.sleep(4000 + random.nextInt(2000));
                }
                return null;
            }));
        }
        double cpu0 = serverCpuSeconds();
        double own0 = cpuSeconds("self");
        long start = System.nanoTime();
        awaitAll(done, pool);
        long wall = System.nanoTime() - start;
        report("trickle", learners, sent.get(), wall, sent.get() / (wall / 1e9), latencies, serverCpuSeconds() - cpu0,
                cpuSeconds("self") - own0);
    }

    /** Waits for every learner, sampling the server's heap meanwhile; the pool ends whatever happens. */
    private void awaitAll(List<Future<?>> done, ExecutorService pool) throws Exception {
        Thread sampler = heapSampler();
        try {
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            sampler.interrupt();
            pool.shutdownNow();
        }
    }

    private void pullAll(String token, String device, Map<String, Long> have) throws Exception {
        PullResponse page;
        do {
            Map<String, Long> vector = have;
            page = retrying(() -> client.post(Protocol.PULL, token, new PullRequest(device, vector, Protocol.MAX_PULL_LIMIT)))
                    .as(PullResponse.class);
            have = page.have();
        } while (page.more());
    }

    private void push(String token, String device, List<WireEvent> events) throws Exception {
        retrying(() -> client.push(token, device, events));
    }

    private void pushRaw(String token, String json) throws Exception {
        retrying(() -> client.postRaw(Protocol.PUSH, token, json));
    }

    /** As a client does: a 503 (the server's database pool busy past its wait) is tried again after a pause. */
    private Reply retrying(Callable<Reply> call) throws Exception {
        for (int attempt = 0; ; attempt++) {
            Reply r = call.call();
            if (r.status() != 503 || attempt == 20) {
                return TestClient.expect(r, 200);
            }
            unavailable.incrementAndGet();
            Thread.sleep(200);
        }
    }

    private long report(String phase, int learners, long events, long wallNanos, double perSecond, List<Long> latencies, double cpu,
                        double generatorCpu) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        long p50 = sorted.get((int) Math.min(sorted.size() - 1, Math.round(sorted.size() * 0.50)));
        long p99 = sorted.get((int) Math.min(sorted.size() - 1, Math.round(sorted.size() * 0.99)));
        System.out.printf("%-9s %9d %7d %7.1f %9.0f %12d %12d %12d %6d %13.1f %12.0f %16.1f   %s%n", phase, learners, events,
                wallNanos / 1e9, perSecond, p50, p99, maxHeap.getAndSet(0) / (1024 * 1024), unavailable.getAndSet(0), cpu, events / cpu,
                generatorCpu, loadAverage());
        return p99;
    }

    /**
     * CPU time the server process has used (user + system, all threads), from /proc: on a shared machine a
     * steadier measure of the server's cost than the wall clock.
     */
    private double serverCpuSeconds() {
        return cpuSeconds(Long.toString(serverPid));
    }

    /** User + system time of a process ({@code self}: this load generator, which shares the machine's cores). */
    private static double cpuSeconds(String pid) {
        try {
            String stat = new String(Files.readAllBytes(Path.of("/proc/" + pid + "/stat")), java.nio.charset.StandardCharsets.US_ASCII);
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    /** The machine's 1-minute load average: how much else ran beside the server and this generator. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }

    /** Reads the server's heap in use from its metrics every 100 ms, keeping the largest. */
    private Thread heapSampler() {
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    for (String line : client.get(Protocol.METRICS, adminToken).body().split("\n")) {
                        if (line.startsWith("campus_jvm_heap_used_bytes ")) {
                            maxHeap.accumulateAndGet(Long.parseLong(line.substring(line.indexOf(' ') + 1).trim()), Math::max);
                        }
                    }
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // A sample lost under load is only a sample.
                }
            }
        }, "heap-sampler");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
