package campus.progress.sync;

import campus.i18n.Lang;
import campus.i18n.Messages;
import campus.i18n.Msg;
import campus.progress.sync.protocol.Protocol;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * What the sync is doing, for a status line that is always visible: signed out, syncing, offline with N queued,
 * an error with its reason, or idle with N queued and when it last synced. Immutable; a new one per change.
 *
 * @param queued     own events not yet acknowledged by the server
 * @param lastSynced when a sync last went through completely, null if never
 * @param problem    why the last attempt failed (OFFLINE, ERROR), else null
 * @param skewMs     the server's clock minus this device's, as last measured (0 if never)
 */
public record SyncState(Phase phase, long queued, Instant lastSynced, Msg problem, long skewMs, String server,
                        String user) {

    public enum Phase { SIGNED_OUT, IDLE, SYNCING, OFFLINE, ERROR }

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    public static SyncState signedOut(long queued) {
        return new SyncState(Phase.SIGNED_OUT, queued, null, null, 0, null, null);
    }

    public SyncState with(Phase p, Msg why) {
        return new SyncState(p, queued, lastSynced, why, skewMs, server, user);
    }

    public SyncState withQueued(long n) {
        return new SyncState(phase, n, lastSynced, problem, skewMs, server, user);
    }

    /** Whether the device's clock is further from the server's than the protocol's tolerance (5 minutes). */
    public boolean clockOff() {
        return Math.abs(skewMs) > Protocol.SKEW_TOLERANCE_MS;
    }

    /** The status line, e.g. "3 queued · last synced at 14:05" or "error: wrong user name or password". */
    public String text(Lang lang, ZoneId zone) {
        Messages m = Messages.of(lang);
        List<String> parts = new ArrayList<>();
        switch (phase) {
            case SIGNED_OUT:
                parts.add(m.get("sync.state.signedOut"));
                break;
            case SYNCING:
                parts.add(m.get("sync.state.syncing"));
                break;
            case OFFLINE:
                parts.add(m.get("sync.state.offline"));
                break;
            case ERROR:
                parts.add(m.get("sync.state.error", problem == null ? "?" : problem.in(lang)));
                break;
            default:
                break;
        }
        if (queued > 0 && phase != Phase.SYNCING) {
            parts.add(m.get("sync.state.queued", queued));
        }
        if (phase != Phase.SIGNED_OUT && phase != Phase.SYNCING) {
            parts.add(lastSynced == null ? m.get("sync.state.never")
                    : m.get("sync.state.synced", HH_MM.format(lastSynced.atZone(zone))));
        }
        if (clockOff() && phase != Phase.SIGNED_OUT) {
            parts.add(m.get("sync.state.clockOff", Math.abs(Math.round(skewMs / 60_000.0))));
        }
        return String.join(" · ", parts);
    }

    /** The reason in full (the status line's tooltip): the problem, or where and as whom it syncs. */
    public String detail(Lang lang) {
        if (problem != null) {
            return problem.in(lang);
        }
        if (server == null || phase == Phase.SIGNED_OUT) {
            return Messages.of(lang).get("sync.state.signedOut");
        }
        return Messages.of(lang).get("sync.state.account", user, server);
    }
}
