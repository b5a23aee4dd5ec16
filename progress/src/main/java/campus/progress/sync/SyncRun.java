package campus.progress.sync;

import campus.i18n.Msg;
import campus.progress.sync.SyncFailure.Kind;
import campus.progress.sync.protocol.Protocol;
import campus.progress.sync.protocol.PullRequest;
import campus.progress.sync.protocol.PullResponse;
import campus.progress.sync.protocol.PushRequest;
import campus.progress.sync.protocol.PushResponse;
import campus.progress.sync.protocol.WireEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One sync, as docs/decisions/0005-sync-protocol.md says: this device's events from the server's acknowledged
 * seq on, in chunks of at most 500 events and 1 MiB, each resent until acknowledged; then the learner's events of
 * other devices above the pull cursor, page by page, each page and its cursor stored in one local transaction.
 * Every step can be repeated, so a run cut off anywhere (a connection, this process, the server) is finished by
 * the next run from what the store and the server hold; nothing lives only in memory.
 */
public final class SyncRun {

    /** A push body stays this far under the server's limit (the request's envelope, escapes). */
    static final int PUSH_BYTES = Protocol.MAX_BODY_BYTES - 16 * 1024;

    /** What one run did. {@code skewMs}: the server's clock minus this device's, as measured last. */
    public record Report(int sent, int duplicates, int received, long skewMs) {
    }

    private final SyncHttp http;
    private final String token;
    private final SyncStore store;
    private final LongSupplier clock;
    private long skewMs;
    private int sent;
    private int duplicates;
    private int received;

    public SyncRun(SyncHttp http, String token, SyncStore store) {
        this(http, token, store, System::currentTimeMillis);
    }

    SyncRun(SyncHttp http, String token, SyncStore store, LongSupplier clock) {
        this.http = http;
        this.token = token;
        this.store = store;
        this.clock = clock;
    }

    public Report run() throws SyncFailure {
        long acked = push();
        pull(acked);
        return new Report(sent, duplicates, received, skewMs);
    }

    private long push() throws SyncFailure {
        String server = http.server();
        String device = store.deviceId();
        long pos = local(() -> store.ackedSeq(server));
        int gaps = 0;
        while (true) {
            long from = pos;
            List<WireEvent> batch = fit(local(() -> store.ownEventsAfter(from, Protocol.MAX_PUSH_EVENTS)));
            if (batch.isEmpty()) {
                return pos;
            }
            if (batch.get(0).seq() != pos + 1) {
                throw new SyncFailure(Kind.CONFLICT, Msg.of("sync.error.localGap", pos, batch.get(0).seq()));
            }
            long last = batch.get(batch.size() - 1).seq();
            try {
                long t0 = clock.getAsLong();
                PushResponse r = http.post(Protocol.PUSH, token, new PushRequest(device, batch), PushResponse.class);
                measure(t0, r.serverTimeMs());
                if (r.ackedSeq() < last) {
                    throw new SyncFailure(Kind.UNAVAILABLE, Msg.of("sync.error.badAnswer", server,
                            "ackedSeq " + r.ackedSeq() + " < " + last));
                }
                sent += r.stored();
                duplicates += r.duplicates();
                pos = r.ackedSeq();
                long acked = pos;
                local(() -> {
                    store.saveAcked(server, acked);
                    return null;
                });
            } catch (SyncFailure f) {
                if (f.ackedSeq() == null) {
                    throw f;
                }
                // seq-gap: the server holds less than this store thought acknowledged (restored from a backup);
                // send again from where it stands. The stored acknowledgement never moves back.
                if (f.ackedSeq() >= pos || ++gaps > 3) {
                    throw f;
                }
                pos = Math.max(0, f.ackedSeq());
            }
        }
    }

    /** The longest prefix of {@code events} whose push body stays under the server's limit. */
    private List<WireEvent> fit(List<WireEvent> events) throws SyncFailure {
        int bytes = 256;
        for (int i = 0; i < events.size(); i++) {
            bytes += Protocol.gson().toJson(events.get(i)).getBytes(StandardCharsets.UTF_8).length + 1;
            if (bytes > PUSH_BYTES) {
                if (i == 0) {
                    throw new SyncFailure(Kind.CONFLICT, Msg.of("sync.error.eventTooLarge", events.get(0).id()));
                }
                return events.subList(0, i);
            }
        }
        return events;
    }

    private void pull(long ownAcked) throws SyncFailure {
        String server = http.server();
        String device = store.deviceId();
        Map<String, Long> cursor = new HashMap<>(local(() -> store.pullCursor(server)));
        while (true) {
            Map<String, Long> have = new HashMap<>(cursor);
            // This device's own events are all here: never ask for them back.
            have.merge(device, ownAcked, Math::max);
            long t0 = clock.getAsLong();
            PullResponse r = http.post(Protocol.PULL, token, new PullRequest(device, have, Protocol.DEFAULT_PULL_LIMIT),
                    PullResponse.class);
            measure(t0, r.serverTimeMs());
            Map<String, Long> next = check(have, r);
            List<WireEvent> others = new ArrayList<>(r.events().size());
            for (WireEvent e : r.events()) {
                if (!e.device().equals(device)) {
                    others.add(e);
                }
            }
            next.remove(device);
            received += local(() -> store.storeReceived(server, others, next));
            cursor = next;
            if (!r.more()) {
                return;
            }
        }
    }

    /**
     * The page's cursor, after checking the page is what the protocol promises: per device, events continue its
     * entry in {@code have} without a gap and the answer's vector ends at the last of them. A page that does not
     * is not stored, so a confused server or proxy cannot leave a hole in the local store.
     */
    private Map<String, Long> check(Map<String, Long> have, PullResponse r) throws SyncFailure {
        if (r.events() == null || r.have() == null) {
            throw bad("events or have missing");
        }
        Map<String, Long> next = new HashMap<>(have);
        for (WireEvent e : r.events()) {
            if (e == null || e.id() == null || e.device() == null || e.kind() == null) {
                throw bad("an event without id, device or kind");
            }
            long expected = next.getOrDefault(e.device(), 0L) + 1;
            if (e.seq() != expected) {
                throw bad("device " + e.device() + ": seq " + e.seq() + " where " + expected + " was due");
            }
            next.put(e.device(), e.seq());
        }
        for (Map.Entry<String, Long> entry : r.have().entrySet()) {
            long mine = next.getOrDefault(entry.getKey(), 0L);
            if (entry.getValue() == null || entry.getValue() != mine) {
                throw bad("have[" + entry.getKey() + "] = " + entry.getValue() + ", the page ends at " + mine);
            }
        }
        if (r.more() && r.events().isEmpty()) {
            throw bad("more without events");
        }
        return next;
    }

    private SyncFailure bad(String what) {
        return new SyncFailure(Kind.UNAVAILABLE, Msg.of("sync.error.badAnswer", http.server(), what));
    }

    private void measure(long t0, long serverTimeMs) {
        long t1 = clock.getAsLong();
        if (serverTimeMs > 0) {
            skewMs = serverTimeMs - (t0 + t1) / 2;
        }
    }

    interface StoreCall<T> {
        T call();
    }

    /** A store call; what it throws (a full disk, a closed database) becomes a message, nothing half-done. */
    static <T> T local(StoreCall<T> call) throws SyncFailure {
        try {
            return call.call();
        } catch (RuntimeException e) {
            throw storeFailure(e);
        }
    }

    static SyncFailure storeFailure(Exception e) {
        String full = null;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("No space left") || m.contains("Disk full") || m.contains("ENOSPC"))) {
                full = m; // the innermost says it best, without the wrappers' class names
            }
        }
        if (full != null) {
            return new SyncFailure(Kind.LOCAL, Msg.of("sync.error.diskFull", full), e);
        }
        return new SyncFailure(Kind.LOCAL, Msg.of("sync.error.store", AccountFile.reason(e)), e);
    }
}
