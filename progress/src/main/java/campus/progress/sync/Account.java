package campus.progress.sync;

/**
 * Who this data folder syncs as, kept in {@code <data>/sync/account.json}. A signed-out folder keeps the server,
 * user and account id without a token, so it can refuse to start syncing as somebody else.
 *
 * @param server       the server's base URL, e.g. {@code http://192.168.1.10:8080}
 * @param user         the account's user name
 * @param accountId    the server's id of the account
 * @param role         learner, instructor or admin
 * @param token        the bearer token, null when signed out
 * @param expiresAt    when the token expires (ISO-8601), as the server said
 * @param lastSyncedAt when a sync last went through completely (ISO-8601), null before the first
 */
public record Account(String server, String user, String accountId, String role, String token, String expiresAt,
                      String lastSyncedAt) {

    public boolean signedIn() {
        return token != null && !token.isEmpty();
    }

    public Account signedOut() {
        return new Account(server, user, accountId, role, null, null, lastSyncedAt);
    }

    public Account syncedAt(String instant) {
        return new Account(server, user, accountId, role, token, expiresAt, instant);
    }
}
