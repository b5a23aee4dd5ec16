package campus.labs.sandbox;

import campus.i18n.Msg;
import campus.labs.dataset.Dataset;
import campus.labs.dataset.LoadProgress;
import campus.labs.sql.GuardPolicy;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps one {@link WorkerSandbox}'s worker process alive: starts it with the sandbox opened in it (on a fresh copy of
 * the cached dataset, when there is a cache), numbers the requests, sends one at a time with its deadline, and when a
 * worker is lost kills it and starts a fresh one in the background, which the next request waits for.
 */
final class WorkerKeeper {

    /** Opening loads the dataset and computes nothing from learner SQL: generous, but not unbounded. */
    static final long OPEN_MS = 300_000;

    private final Dataset dataset;
    private final Integer scale;
    private final GuardPolicy policy;
    private final SandboxLimits limits;
    private final Object requestLock = new Object();
    private volatile WorkerProcess worker;
    /** A worker being started after the last one was killed; the next request waits for it. */
    private CompletableFuture<WorkerProcess> starting;
    /** Not under {@code requestLock}: a worker started in the background numbers its open request while a caller waits for it there. */
    private final AtomicLong nextId = new AtomicLong();
    private volatile boolean closed;
    private int restarts;
    /** Where the dataset's saved copies come from; null: each worker generates the dataset in memory. */
    private final DatasetCache cache;
    /** Hears the first opening only: a worker started again after a kill opens a saved copy, quickly, unseen. */
    private volatile LoadProgress progress;
    private volatile Optional<Msg> repaired = Optional.empty();

    WorkerKeeper(Dataset dataset, Integer scale, GuardPolicy policy, SandboxLimits limits, DatasetCache cache,
                 LoadProgress progress) {
        this.dataset = dataset;
        this.scale = scale;
        this.policy = policy;
        this.limits = limits;
        this.cache = cache;
        this.progress = progress;
    }

    /** Starts the first worker, which {@code progress} hears open the dataset; later ones are not heard. */
    void startFirst() throws IOException, WorkerProcess.Lost, DatasetException {
        try {
            worker = start();
        } finally {
            progress = LoadProgress.NONE;
        }
    }

    Optional<Msg> repaired() {
        return repaired;
    }

    /** Starts a worker and opens the sandbox in it. */
    private WorkerProcess start() throws IOException, WorkerProcess.Lost, DatasetException {
        DatasetCache.Copy copy = null;
        if (cache != null) {
            copy = cache.checkout(dataset, scale, progress);
            if (copy.repaired().isPresent()) {
                repaired = copy.repaired();
            }
        }
        WorkerProcess w;
        try {
            w = WorkerProcess.start();
        } catch (IOException | RuntimeException e) {
            if (copy != null) {
                copy.delete();
            }
            throw e;
        }
        JsonObject req = request("open");
        if (copy != null) {
            DatasetCache.Copy mine = copy;
            w.process.onExit().thenRun(mine::delete); // the worker's database is shut down by then, however it ended
            JsonObject c = new JsonObject();
            c.addProperty("url", copy.url());
            c.addProperty("password", copy.password());
            c.addProperty("file", copy.file().toString());
            c.addProperty("built", copy.built());
            req.add("copy", c);
        }
        req.add("dataset", WireCodec.dataset(dataset));
        if (scale != null) {
            req.addProperty("scale", scale);
        }
        req.addProperty("policy", policy.name());
        req.add("limits", WireCodec.limits(limits));
        JsonObject reply;
        try {
            reply = w.exchange(req, OPEN_MS);
        } catch (WorkerProcess.Lost e) {
            w.kill();
            throw e;
        }
        if (reply.has("datasetError")) {
            w.kill();
            throw new DatasetException(WireCodec.msg(reply.getAsJsonObject("datasetError")));
        }
        if (reply.has("error") || reply.has("sqlError")) {
            w.kill();
            throw new IOException(reply.has("error") ? reply.get("error").getAsString() : reply.get("sqlError").getAsString());
        }
        WorkerProcess.prepareSpare();
        return w;
    }

    /** A request of kind {@code op} with the next id. */
    JsonObject request(String op) {
        JsonObject o = new JsonObject();
        o.addProperty("op", op);
        o.addProperty("id", nextId.incrementAndGet());
        return o;
    }

    /** The live worker, waiting for a restart if one is under way. Caller holds {@code requestLock}. */
    private WorkerProcess live() throws WorkerProcess.Lost {
        if (starting != null) {
            try {
                worker = starting.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WorkerProcess.Lost(false, -1);
            } catch (ExecutionException e) {
                // the restart failed: try once more here, in the caller's time
                try {
                    worker = start();
                } catch (IOException | DatasetException | WorkerProcess.Lost again) {
                    throw new IllegalStateException("the lab worker could not be started again: " + again.getMessage(), again);
                }
            } finally {
                starting = null;
            }
        }
        if (worker == null) {
            throw new IllegalStateException("sandbox closed");
        }
        return worker;
    }

    /** Kills the worker and starts a fresh one in the background. Caller holds {@code requestLock}. */
    private void replace(WorkerProcess dead) {
        dead.kill();
        worker = null;
        restarts++;
        if (closed) {
            return;
        }
        starting = CompletableFuture.supplyAsync(() -> {
            try {
                return start();
            } catch (IOException | DatasetException | WorkerProcess.Lost e) {
                throw new CompletionException(e);
            }
        }, WorkerProcess.THREADS);
    }

    /** How many times a worker was killed or died and was replaced. */
    int restarts() {
        synchronized (requestLock) {
            return restarts;
        }
    }

    /** Whether a fresh worker is on its way (it holds the dataset as loaded). */
    boolean restarting() {
        synchronized (requestLock) {
            return starting != null;
        }
    }

    /** The live worker, or null while none runs (being started again, or closed). */
    WorkerProcess worker() {
        return worker;
    }

    /**
     * Sends {@code req} to the live worker (after any restart) and waits for its reply until {@code deadlineMs}; a lost
     * worker is replaced before {@link WorkerProcess.Lost} reaches the caller. {@code beforeSend} runs once the worker
     * that gets the request is known, just before it is sent. A reply saying {@code error} is thrown.
     */
    JsonObject call(JsonObject req, long deadlineMs, Runnable beforeSend) throws WorkerProcess.Lost {
        synchronized (requestLock) {
            WorkerProcess w = live();
            beforeSend.run();
            try {
                JsonObject reply = w.exchange(req, deadlineMs);
                if (reply.has("error")) {
                    throw new IllegalStateException(reply.get("error").getAsString());
                }
                return reply;
            } catch (WorkerProcess.Lost e) {
                replace(w);
                throw e;
            }
        }
    }

    /** Closes the live worker and kills one being started. */
    void close() {
        closed = true;
        WorkerProcess w = worker;
        CompletableFuture<WorkerProcess> s = starting;
        if (s != null) {
            s.thenAccept(WorkerProcess::kill);
        }
        if (w != null) {
            w.close();
        }
        worker = null;
    }
}
