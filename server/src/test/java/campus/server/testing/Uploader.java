package campus.server.testing;

import campus.progress.sync.protocol.ApiError;
import campus.progress.sync.protocol.PushResponse;
import campus.progress.sync.protocol.WireEvent;
import campus.server.testing.TestClient.Reply;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One device's upload as the protocol asks a client to do it: chunks from the server's acknowledged seq on,
 * each resent until acknowledged, whatever happens to the connection or the server. It also checks the
 * server's side: an acknowledgement, once given, never goes back (an acknowledged event is durable).
 */
public final class Uploader {

    private final Supplier<TestClient> client;
    private final String token;
    private final String device;
    private final List<WireEvent> events;
    private final int chunk;
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong pushes = new AtomicLong();
    private volatile boolean inFlight;

    public Uploader(Supplier<TestClient> client, String token, String device, List<WireEvent> events, int chunk) {
        this.client = client;
        this.token = token;
        this.device = device;
        this.events = events;
        this.chunk = chunk;
    }

    /** Highest seq the server has acknowledged so far. */
    public long acked() {
        return acked.get();
    }

    /** Whether a push is on its way now. */
    public boolean inFlight() {
        return inFlight;
    }

    /** Push attempts made, failed ones included. */
    public long pushes() {
        return pushes.get();
    }

    /** Uploads until every event is acknowledged or {@code deadlineMs} passes (then an AssertionError). */
    public void run(long deadlineMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + deadlineMs;
        while (acked.get() < events.size()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(device + ": only " + acked.get() + " of " + events.size() + " acknowledged in time");
            }
            int from = (int) acked.get();
            List<WireEvent> part = events.subList(from, Math.min(events.size(), from + chunk));
            Reply r;
            inFlight = true;
            pushes.incrementAndGet();
            try {
                r = client.get().push(token, device, part);
            } catch (IOException e) {
                Thread.sleep(20);
                continue;
            } finally {
                inFlight = false;
            }
            if (r.status() < 100) {
                continue; // a status line cut short ("HTTP/1.1 20") parses as a status below 100: no answer, send again
            } else if (r.status() == 200) {
                PushResponse answer = readable(r);
                if (answer == null) {
                    continue; // the answer was cut short: as good as no answer, send again
                }
                advance(answer.ackedSeq(), r);
            } else if (r.status() == 409 && ApiError.SEQ_GAP.equals(r.error().error())) {
                advance(r.error().ackedSeq(), r);
            } else if (r.status() == 503 || r.status() == 502) {
                Thread.sleep(50);
            } else {
                throw new AssertionError(device + ": unexpected answer " + r.status() + " " + r.body());
            }
        }
    }

    private static PushResponse readable(Reply r) {
        try {
            return r.as(PushResponse.class);
        } catch (com.google.gson.JsonParseException e) {
            return null;
        }
    }

    private void advance(long serverAcked, Reply r) {
        long before = acked.get();
        if (serverAcked < before) {
            throw new AssertionError(device + ": the server acknowledged seq " + before + " before, now only " + serverAcked
                    + " — an acknowledged event was lost (" + r.body() + ")");
        }
        acked.set(serverAcked);
    }
}
