package campus.progress.sync;

import campus.i18n.Msg;

/**
 * Why a sync step or an account request did not go through, as a message for the learner in either language.
 * Nothing is lost by one: the outbox and the cursor are moved only by what the server acknowledged and the
 * local store committed. {@link Kind} decides what the background sync does next.
 */
public final class SyncFailure extends Exception {

    /** What kind of trouble, and so whether trying again later can help. */
    public enum Kind {
        /** The server cannot be reached (refused, timed out, cut off): try again later, quietly. */
        OFFLINE(true),
        /** The server is there but cannot serve now (503, 429, 5xx, an answer cut short or garbled): try later. */
        UNAVAILABLE(true),
        /** The answer is not from a Campus progress server (an HTML page, a captive portal): try later. */
        NOT_CAMPUS(true),
        /** The local store or the account file could not be written (a full disk): try later. */
        LOCAL(true),
        /** Wrong password, an expired or revoked token: only signing in again helps. */
        AUTH(false),
        /** This client's protocol is too old for the server, or the server's for this client. */
        VERSION(false),
        /** The server holds other events under this device's ids: a damaged store; sync stops. */
        CONFLICT(false),
        /** The server refused the request for a reason the learner must act on (invitation used, name taken). */
        REFUSED(false);

        private final boolean transient_;

        Kind(boolean transient_) {
            this.transient_ = transient_;
        }

        /** Whether the same step may succeed later without anyone doing anything. */
        public boolean retryable() {
            return transient_;
        }
    }

    private final Kind kind;
    private final transient Msg msg;
    private final long retryAfterMs;
    private final Long ackedSeq;

    public SyncFailure(Kind kind, Msg msg) {
        this(kind, msg, 0, null, null);
    }

    public SyncFailure(Kind kind, Msg msg, Throwable cause) {
        this(kind, msg, 0, null, cause);
    }

    SyncFailure(Kind kind, Msg msg, long retryAfterMs, Long ackedSeq, Throwable cause) {
        super(msg.text().en(), cause);
        this.kind = kind;
        this.msg = msg;
        this.retryAfterMs = retryAfterMs;
        this.ackedSeq = ackedSeq;
    }

    public Kind kind() {
        return kind;
    }

    /** The message to show, rendered in the learner's language at the edge. */
    public Msg msg() {
        return msg;
    }

    /** How long the server asked to wait (Retry-After), 0 if it did not say. */
    public long retryAfterMs() {
        return retryAfterMs;
    }

    /** With a seq-gap answer: the highest seq of this device the server holds. */
    Long ackedSeq() {
        return ackedSeq;
    }
}
