package campus.app.sync;

import campus.progress.sync.SyncStore;
import campus.progress.sync.protocol.WireEvent;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** A device's store in memory for the window's sync tests: the contract the app's progress store implements. */
final class MemoryStore implements SyncStore {

    private final String device = UUID.randomUUID().toString();
    private final List<WireEvent> own = new ArrayList<>();
    private final Map<String, WireEvent> all = new LinkedHashMap<>();
    private final Map<String, Long> acked = new HashMap<>();
    private final Map<String, Map<String, Long>> cursors = new HashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    void record(String kind, String subject) {
        synchronized (this) {
            JsonObject data = new JsonObject();
            data.addProperty("n", own.size() + 1);
            WireEvent e = new WireEvent(UUID.randomUUID().toString(), device, own.size() + 1, System.currentTimeMillis(), 0,
                    kind, subject, java.time.Instant.now().toString(), data, null);
            own.add(e);
            all.put(e.id(), e);
        }
        listeners.forEach(Runnable::run);
    }

    synchronized int size() {
        return all.size();
    }

    @Override
    public String deviceId() {
        return device;
    }

    @Override
    public synchronized long ackedSeq(String server) {
        return acked.getOrDefault(server, 0L);
    }

    @Override
    public synchronized List<WireEvent> ownEventsAfter(long afterSeq, int max) {
        return new ArrayList<>(own.subList((int) Math.min(afterSeq, own.size()), (int) Math.min(own.size(), afterSeq + max)));
    }

    @Override
    public synchronized void saveAcked(String server, long ackedSeq) {
        acked.merge(server, ackedSeq, Math::max);
    }

    @Override
    public synchronized long queued(String server) {
        return own.size() - ackedSeq(server);
    }

    @Override
    public synchronized Map<String, Long> pullCursor(String server) {
        return new HashMap<>(cursors.getOrDefault(server, Map.of()));
    }

    @Override
    public synchronized int storeReceived(String server, List<WireEvent> events, Map<String, Long> cursor) {
        int fresh = 0;
        for (WireEvent e : events) {
            if (all.putIfAbsent(e.id(), e) == null) {
                fresh++;
            }
        }
        cursors.put(server, new HashMap<>(cursor));
        return fresh;
    }

    @Override
    public void onRecorded(Runnable listener) {
        listeners.add(listener);
    }
}
