package campus.labs;

/**
 * When the reference solution may be shown.
 *
 * @param afterFailedAttempts shown after this many failed checks; 0 means never by count
 * @param onRequest           the learner may ask for it at any time (the request is recorded)
 */
public record RevealRule(int afterFailedAttempts, boolean onRequest) {

    public static final RevealRule DEFAULT = new RevealRule(3, true);

    public boolean allows(int failedAttempts, boolean requested) {
        return requested && onRequest || afterFailedAttempts > 0 && failedAttempts >= afterFailedAttempts;
    }
}
