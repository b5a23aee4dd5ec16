package campus.labs.sandbox;

import campus.labs.concurrent.LabThreads;
import com.google.gson.JsonObject;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One {@link SandboxWorker} child JVM and its pipes: how it is started (its own heap and stack, exit on the first
 * out-of-memory error, the same classes as Campus), one started ahead of need, and a request/reply exchange with a
 * deadline. What to do when a worker is lost is {@link WorkerSandbox}'s business.
 */
final class WorkerProcess {

    /** The worker's heap: the sandbox's datasets at lab scale need a fraction of it. */
    static final String HEAP = "768m";

    /** The worker did not answer in time, or died: what the caller is told. */
    static final class Lost extends Exception {
        final boolean timedOut;
        final int exitCode;

        Lost(boolean timedOut, int exitCode) {
            super(timedOut ? "timed out" : "worker exited with " + exitCode);
            this.timedOut = timedOut;
            this.exitCode = exitCode;
        }
    }

    /** Runs the pipe reads and background starts; threads die when idle. */
    static final ExecutorService THREADS = LabThreads.cached("lab-worker-pipe", 30);

    /**
     * A worker process started ahead of need, idle until it is told which dataset to open: the next lab (or the
     * replacement of a killed worker) skips the JVM start. One at a time; it exits with Campus (its stdin closes).
     * {@code -Dcampus.labs.spareWorker=false} turns it off.
     */
    private static Process spare;

    final Process process;
    private final DataOutputStream out;
    private final DataInputStream in;

    private WorkerProcess(Process process) {
        this.process = process;
        this.out = new DataOutputStream(new java.io.BufferedOutputStream(process.getOutputStream()));
        this.in = new DataInputStream(new java.io.BufferedInputStream(process.getInputStream()));
    }

    /** A worker ready for its first request: the spare one if it is alive, else a new one. */
    static WorkerProcess start() throws IOException {
        Process p;
        synchronized (WorkerProcess.class) {
            p = spare;
            spare = null;
        }
        if (p == null || !p.isAlive()) {
            p = launch();
        }
        return new WorkerProcess(p);
    }

    /**
     * Starts the spare worker in the background, if there is none: called once a worker has opened its dataset, so
     * the spare's JVM start does not compete with that load for the processor.
     */
    static void prepareSpare() {
        synchronized (WorkerProcess.class) {
            if (spare != null && spare.isAlive()) {
                return;
            }
        }
        if (!"false".equals(System.getProperty("campus.labs.spareWorker"))) {
            THREADS.execute(() -> {
                try {
                    Process next = launch();
                    synchronized (WorkerProcess.class) {
                        if (spare == null) {
                            spare = next;
                            return;
                        }
                    }
                    next.destroyForcibly();
                } catch (IOException e) {
                    // no spare: the next lab starts its own worker
                }
            });
        }
    }

    private static Process launch() throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + HEAP);
        cmd.add("-Xss1m");
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-Xshare:auto");
        cmd.add("-Dcampus.labs.isolation=in-process");
        cmd.add("-cp");
        cmd.add(classPath());
        cmd.add(SandboxWorker.class.getName());
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** This JVM's class path (and module path, where the labs and H2 jars may sit): the worker needs the same classes. */
    private static String classPath() {
        String cp = System.getProperty("java.class.path", "");
        String mp = System.getProperty("jdk.module.path");
        return mp == null || mp.isEmpty() ? cp : cp.isEmpty() ? mp : cp + java.io.File.pathSeparator + mp;
    }

    /** Writes one frame; false when the worker is gone. Safe from any thread (a cancel while a request waits). */
    boolean send(JsonObject req) {
        byte[] b = req.toString().getBytes(StandardCharsets.UTF_8);
        synchronized (out) {
            try {
                out.writeInt(b.length);
                out.write(b);
                out.flush();
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }

    /** Sends a request and waits for its reply until {@code deadlineMs} has passed; the worker is lost otherwise. */
    JsonObject exchange(JsonObject req, long deadlineMs) throws Lost {
        CompletableFuture<JsonObject> reply = CompletableFuture.supplyAsync(() -> {
            if (!send(req)) {
                throw new java.io.UncheckedIOException(new IOException("worker pipe closed"));
            }
            try {
                return SandboxWorker.read(in);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, THREADS);
        try {
            return reply.get(deadlineMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new Lost(true, -1);
        } catch (ExecutionException e) {
            int code;
            try {
                code = process.waitFor(2, TimeUnit.SECONDS) ? process.exitValue() : -1;
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                code = -1;
            }
            throw new Lost(false, code);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Lost(true, -1);
        }
    }

    /** Asks the worker to close its sandbox and exit; kills it if it has not within two seconds. */
    void close() {
        JsonObject req = new JsonObject();
        req.addProperty("op", "close");
        send(req);
        synchronized (out) {
            try {
                out.close();
            } catch (IOException e) {
                // already gone
            }
        }
        process.onExit().orTimeout(2, TimeUnit.SECONDS).whenComplete((p, err) -> process.destroyForcibly());
    }

    void kill() {
        process.destroyForcibly();
    }
}
