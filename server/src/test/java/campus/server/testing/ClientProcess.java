package campus.server.testing;

import campus.progress.sync.SyncFailure;
import campus.progress.sync.SyncHttp;
import campus.progress.sync.SyncRun;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A device in a process of its own: opens its store (a file), records events up to a count, and syncs until done,
 * printing {@code device ID} first and {@code done} at the end. The test kills it with SIGKILL mid-upload and opens
 * the same store again, as a learner restarting Campus would.
 */
public final class ClientProcess implements AutoCloseable {

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final CompletableFuture<String> device = new CompletableFuture<>();

    private ClientProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    output.append(line).append('\n');
                    if (line.startsWith("device ")) {
                        device.complete(line.substring("device ".length()));
                    }
                }
            } catch (IOException ignored) {
                // killed: what it printed so far is kept
            }
            device.complete(null);
        }, "client-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    public static ClientProcess start(Path store, String url, String token, int events) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx128m", "-Dhttp.keepAlive=false", "-cp",
                System.getProperty("java.class.path"), ClientProcess.class.getName(), store.toString(), url, token,
                Integer.toString(events)));
        return new ClientProcess(new ProcessBuilder(cmd).redirectErrorStream(true).start());
    }

    /** The device id it printed, once its store is open. */
    public String device() throws Exception {
        String d = device.get(60, TimeUnit.SECONDS);
        if (d == null) {
            throw new AssertionError("the client process ended without opening its store:\n" + output);
        }
        return d;
    }

    public String output() {
        return output.toString();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        kill9();
    }

    /** The same with the app's progress store (ProgressStore) in {@code store} instead of a {@link DeviceStore}. */
    public static ClientProcess startWithProgressStore(Path store, String url, String token, int events) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx128m", "-Dhttp.keepAlive=false", "-cp",
                System.getProperty("java.class.path"), ClientProcess.class.getName(), store.toString(), url, token,
                Integer.toString(events), "progress"));
        return new ClientProcess(new ProcessBuilder(cmd).redirectErrorStream(true).start());
    }

    public static void main(String[] args) throws Exception {
        int want = Integer.parseInt(args[3]);
        if (args.length > 4 && args[4].equals("progress")) {
            try (campus.progress.store.ProgressStore store = campus.progress.store.ProgressStore.open(Path.of(args[0]))) {
                System.out.println("device " + store.deviceId());
                for (int i = store.ownEventsAfter(0, Integer.MAX_VALUE).size(); i < want; i++) {
                    store.recordNow("lab.attempt", "lab-" + (i % 13), java.util.Map.of("score", i % 101));
                }
                store.flush();
                sync(store, args);
            }
            return;
        }
        try (DeviceStore store = DeviceStore.open(Path.of(args[0]))) {
            System.out.println("device " + store.deviceId());
            store.recordMany(want - store.ownEventsAfter(0, Integer.MAX_VALUE).size());
            sync(store, args);
        }
    }

    private static void sync(campus.progress.sync.SyncStore store, String[] args) throws Exception {
        for (int i = 0; ; i++) {
            try {
                new SyncRun(new SyncHttp(args[1]), args[2], store).run();
                break;
            } catch (SyncFailure f) {
                if (!f.kind().retryable() || i > 100) {
                    throw f;
                }
                Thread.sleep(20);
            }
        }
        System.out.println("done");
    }
}
