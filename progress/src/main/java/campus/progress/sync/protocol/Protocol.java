package campus.progress.sync.protocol;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/**
 * The sync protocol's constants and its one JSON mapping, shared by the sync client and the progress
 * server (docs/decisions/0005-sync-protocol.md). Fields are only ever added: both sides ignore what
 * they do not know, so a newer peer's extra fields pass through an older one unharmed.
 */
public final class Protocol {

    /** The version this build speaks; the oldest one it still answers. */
    public static final int VERSION = 1;
    public static final int MIN_VERSION = 1;

    /** Request header with the client's version (absent = 1); response headers with the server's. */
    public static final String HEADER = "Campus-Protocol";
    public static final String MIN_HEADER = "Campus-Protocol-Min";

    public static final String BASE = "/api/v1";
    public static final String HEALTH = BASE + "/health";
    public static final String METRICS = BASE + "/metrics";
    public static final String SIGNUP = BASE + "/auth/signup";
    public static final String LOGIN = BASE + "/auth/login";
    public static final String LOGOUT = BASE + "/auth/logout";
    public static final String ACCOUNT = BASE + "/account";
    public static final String PASSWORD = BASE + "/account/password";
    public static final String INVITATIONS = BASE + "/invitations";
    public static final String PUSH = BASE + "/sync/push";
    public static final String PULL = BASE + "/sync/pull";

    /** At most this many events in one push; a client sends fewer when the body would pass the byte limit. */
    public static final int MAX_PUSH_EVENTS = 500;
    /** Largest request body the server reads. */
    public static final int MAX_BODY_BYTES = 1 << 20;
    public static final int DEFAULT_PULL_LIMIT = 500;
    public static final int MAX_PULL_LIMIT = 1000;

    /** Skew between a device's clock and the server's below which nothing is shown. */
    public static final long SKEW_TOLERANCE_MS = 5 * 60 * 1000L;

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private Protocol() {
    }

    /** The mapping both sides use: records as JSON objects, nulls left out. */
    public static Gson gson() {
        return GSON;
    }
}
