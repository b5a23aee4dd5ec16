package campus.progress.sync;

import campus.progress.sync.protocol.WireEvent;

import java.util.List;
import java.util.Map;

/**
 * What the sync client needs from the local progress store. The H2 progress store implements it;
 * the sync client (campus.progress.sync) uses only this. {@code server} is the server's base URL as signed in.
 */
public interface SyncStore {
    /** This device's id (UUID), fixed for the life of the store. */
    String deviceId();

    /** Highest seq of this device's own events the server has acknowledged, all below included; 0 at first. */
    long ackedSeq(String server);

    /** This device's own events with seq greater than {@code afterSeq}, ascending, at most {@code max}. */
    List<WireEvent> ownEventsAfter(long afterSeq, int max);

    /** Records the server's acknowledgement (never moves backwards). */
    void saveAcked(String server, long ackedSeq);

    /** How many own events wait above {@link #ackedSeq}. */
    long queued(String server);

    /** The pull cursor for that server: device id → highest seq received from it; empty at first. */
    Map<String, Long> pullCursor(String server);

    /**
     * Stores a pulled page and the advanced cursor in one transaction; idempotent by event id (an event already held
     * is skipped, an event of an unknown kind is kept as it is). Returns how many events were new.
     */
    int storeReceived(String server, List<WireEvent> events, Map<String, Long> cursor);

    /** Called (on the recording thread) after each locally recorded event, so a background sync can start. */
    void onRecorded(Runnable listener);
}
