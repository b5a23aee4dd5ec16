package campus.progress.sync.protocol;

/**
 * Every error the server answers, with its HTTP status. Optional fields are present where the code says so:
 * {@code ackedSeq} with {@link #SEQ_GAP}, the protocol range with {@link #PROTOCOL_TOO_OLD},
 * {@code retryAfterSeconds} with {@link #RATE_LIMITED} and {@link #STORAGE_FULL}.
 */
public record ApiError(String error, String message, int status, Long ackedSeq, Integer minProtocol,
                       Integer maxProtocol, Integer retryAfterSeconds) {

    public static final String BAD_REQUEST = "bad-request";
    public static final String TOO_LARGE = "too-large";
    public static final String UNAUTHENTICATED = "unauthenticated";
    public static final String TOKEN_EXPIRED = "token-expired";
    public static final String TOKEN_REVOKED = "token-revoked";
    public static final String FORBIDDEN = "forbidden";
    public static final String NOT_FOUND = "not-found";
    public static final String RATE_LIMITED = "rate-limited";
    public static final String PROTOCOL_TOO_OLD = "protocol-too-old";
    public static final String SEQ_GAP = "seq-gap";
    public static final String EVENT_CONFLICT = "event-conflict";
    public static final String INVITE_INVALID = "invite-invalid";
    public static final String USER_TAKEN = "user-taken";
    public static final String BAD_CREDENTIALS = "bad-credentials";
    public static final String WEAK_PASSWORD = "weak-password";
    public static final String INTERNAL = "internal";
    /** 503: the server is up but its database is not reachable; nothing was stored, the request may be repeated. */
    public static final String UNAVAILABLE = "unavailable";
    /**
     * 503: the server's disk (or its database's) is full; nothing of the request was stored, it may be repeated later.
     * A client that does not know the code takes it as any 5xx: try again later.
     */
    public static final String STORAGE_FULL = "storage-full";

    public static ApiError of(String error, String message, int status) {
        return new ApiError(error, message, status, null, null, null, null);
    }
}
