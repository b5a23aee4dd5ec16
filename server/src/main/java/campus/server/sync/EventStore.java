package campus.server.sync;

import campus.progress.sync.protocol.ApiError;
import campus.progress.sync.protocol.Protocol;
import campus.progress.sync.protocol.PushResponse;
import campus.progress.sync.protocol.WireEvent;
import campus.server.auth.Principal;
import campus.server.db.Database;
import campus.server.db.Dialect;
import campus.server.http.ApiException;
import com.google.gson.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Pushes into the events table, {@link EventRuns} (docs/decisions/0005-sync-protocol.md). A device's row in {@code devices} holds
 * the account it belongs to and the highest contiguous seq stored ({@code acked_seq}); a push locks that row
 * for its transaction, so pushes of one device are serial across every server instance, and a retried or
 * duplicated push that waited for the lock finds its events stored and counts them as duplicates.
 */
public final class EventStore {

    private final Database db;
    private final Clock clock;

    public EventStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Signals that another instance registered the same new device first: run the push again. */
    private static final class DeviceRace extends RuntimeException {
        DeviceRace() {
            super(null, null, false, false);
        }
    }

    public PushResponse push(Principal p, PushChunk chunk) throws SQLException {
        for (int attempt = 0; ; attempt++) {
            try {
                return db.transaction(c -> pushOnce(c, p, chunk));
            } catch (DeviceRace race) {
                if (attempt > 0) {
                    throw new SQLException("device " + chunk.device() + " could not be registered", race);
                }
            } catch (SQLException e) {
                // A run's key taken under the device's lock can only be a push racing itself where the lock
                // did not hold; run it again, and it finds its events stored.
                if (!Dialect.isDuplicateKey(e) || attempt > 0) {
                    throw e;
                }
            }
        }
    }

    private PushResponse pushOnce(Connection c, Principal p, PushChunk chunk) throws SQLException {
        long now = clock.millis();
        Long acked = lockDevice(c, p, chunk.device());
        if (acked == null) {
            if (chunk.events().isEmpty()) {
                return new PushResponse(0, 0, 0, now);
            }
            registerDevice(c, p, chunk.device(), now);
            acked = 0L;
        }
        if (chunk.events().isEmpty()) {
            return new PushResponse(0, 0, acked, now);
        }
        long first = chunk.first();
        long last = chunk.last();
        if (first > acked + 1) {
            throw new ApiException(new ApiError(ApiError.SEQ_GAP, "the server holds device " + chunk.device()
                    + " up to seq " + acked + "; send from seq " + (acked + 1) + ", not " + first, 409, acked, null, null, null));
        }
        int duplicates = 0;
        if (first <= acked) {
            duplicates = checkDuplicates(c, chunk, first, Math.min(last, acked));
        }
        List<PushChunk.Incoming> fresh = chunk.events().subList(duplicates, chunk.events().size());
        if (!fresh.isEmpty()) {
            EventRuns.insert(c, p.accountId(), chunk.device(), fresh, now);
            try (PreparedStatement s = c.prepareStatement("UPDATE devices SET acked_seq = ?, updated_at = ? WHERE device_id = ?")) {
                s.setLong(1, last);
                s.setLong(2, now);
                s.setString(3, chunk.device());
                s.executeUpdate();
            }
        }
        return new PushResponse(fresh.size(), duplicates, Math.max(acked, last), now);
    }

    /** The device's acked seq with its row locked, null if the device is new; 403 if another account's. */
    private static Long lockDevice(Connection c, Principal p, String device) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT account_id, acked_seq FROM devices WHERE device_id = ? FOR UPDATE")) {
            s.setString(1, device);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                if (!r.getString(1).equals(p.accountId())) {
                    throw ApiException.forbidden("device " + device + " belongs to another account");
                }
                return r.getLong(2);
            }
        }
    }

    private static void registerDevice(Connection c, Principal p, String device, long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO devices (device_id, account_id, acked_seq, created_at, updated_at) VALUES (?, ?, 0, ?, ?)")) {
            s.setString(1, device);
            s.setString(2, p.accountId());
            s.setLong(3, now);
            s.setLong(4, now);
            s.executeUpdate();
        } catch (SQLException e) {
            if (Dialect.isDuplicateKey(e) || Dialect.isRetryable(e)) {
                throw new DeviceRace();
            }
            throw e;
        }
    }

    /** The number of leading events the server holds already, each checked to be the same event. */
    private static int checkDuplicates(Connection c, PushChunk chunk, long from, long to) throws SQLException {
        int[] n = {0};
        EventRuns.read(c, chunk.device(), from - 1, to, (seq, stored, chars) -> {
            WireEvent sent = chunk.events().get((int) (seq - from)).wire();
            WireEvent held = Protocol.gson().fromJson(stored, WireEvent.class);
            if (!sent.id().equals(held.id()) || !sameContent(sent, held)) {
                throw new ApiException(ApiError.EVENT_CONFLICT, "seq " + sent.seq() + " of device " + chunk.device()
                        + " is held here as event " + held.id() + (sent.id().equals(held.id())
                        ? " with other content" : ", not " + sent.id()) + "; this device's store is damaged", 409);
            }
            n[0]++;
            return true;
        });
        if (n[0] != to - from + 1) {
            throw new SQLException("device " + chunk.device() + " is acknowledged up to " + to + " but events are missing");
        }
        return n[0];
    }

    static boolean sameContent(WireEvent a, WireEvent b) {
        return a.id().equals(b.id()) && a.seq() == b.seq() && a.hlcMs() == b.hlcMs() && a.hlcCount() == b.hlcCount()
                && a.kind().equals(b.kind()) && Objects.equals(a.subject(), b.subject())
                && Objects.equals(a.occurredAt(), b.occurredAt()) && Objects.equals(orEmpty(a.data()), orEmpty(b.data()));
    }

    private static JsonObject orEmpty(JsonObject o) {
        return o == null ? new JsonObject() : o;
    }
}
