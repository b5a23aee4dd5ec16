package campus.progress.sync.protocol;

/**
 * @param stored      events stored by this request
 * @param duplicates  events the server already held (a retried chunk)
 * @param ackedSeq    the highest seq of the device the server now holds, all below it included
 * @param serverTimeMs the server's clock, for the client's skew estimate
 */
public record PushResponse(int stored, int duplicates, long ackedSeq, long serverTimeMs) {
}
