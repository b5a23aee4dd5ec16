package campus.progress.sync;

import campus.i18n.Msg;
import campus.progress.sync.SyncFailure.Kind;
import campus.progress.sync.protocol.Accounts.Invitation;
import campus.progress.sync.protocol.Accounts.InviteRequest;
import campus.progress.sync.protocol.Accounts.LoginRequest;
import campus.progress.sync.protocol.Accounts.Session;
import campus.progress.sync.protocol.Accounts.SignupRequest;
import campus.progress.sync.protocol.Protocol;
import java.nio.file.Path;

/**
 * Signing a data folder in to a progress server (login or sign-up with an invitation), out of it, and inviting.
 * The session goes to {@link AccountFile}. One account per data folder and server: a folder that has synced as
 * one account refuses to sign in as another (its device belongs to the first on that server).
 */
public final class SignIn {

    private final AccountFile file;

    public SignIn(Path dataDir) {
        this.file = new AccountFile(dataDir);
    }

    public AccountFile file() {
        return file;
    }

    public Account login(String serverUrl, String user, String password, String device) throws SyncFailure {
        SyncHttp http = new SyncHttp(SyncHttp.normalize(serverUrl));
        Session s = http.post(Protocol.LOGIN, null, new LoginRequest(user, password, device), Session.class);
        return keep(http, s);
    }

    public Account signup(String serverUrl, String invite, String user, String password, String device) throws SyncFailure {
        SyncHttp http = new SyncHttp(SyncHttp.normalize(serverUrl));
        Session s = http.post(Protocol.SIGNUP, null, new SignupRequest(invite, user, password, device), Session.class);
        return keep(http, s);
    }

    private Account keep(SyncHttp http, Session s) throws SyncFailure {
        if (s.token() == null || s.account() == null || s.account().id() == null) {
            throw new SyncFailure(Kind.UNAVAILABLE, Msg.of("sync.error.badAnswer", http.server(), "no token or account"));
        }
        Account fresh = new Account(http.server(), s.account().user(), s.account().id(), s.account().role(), s.token(),
                s.expiresAt(), null);
        Account old = file.read();
        if (old != null && old.server().equals(fresh.server())) {
            if (old.lastSyncedAt() != null && !old.accountId().equals(fresh.accountId())) {
                revokeQuietly(http, fresh.token());
                throw new SyncFailure(Kind.REFUSED, Msg.of("sync.error.otherAccount", old.user(), old.server(),
                        fresh.user()));
            }
            if (old.accountId().equals(fresh.accountId())) {
                fresh = fresh.syncedAt(old.lastSyncedAt());
            }
        }
        try {
            file.write(fresh);
        } catch (SyncFailure f) {
            revokeQuietly(http, fresh.token());
            throw f;
        }
        if (old != null && old.signedIn() && !old.token().equals(fresh.token())) {
            revokeQuietly(new SyncHttp(old.server()), old.token());
        }
        return fresh;
    }

    /**
     * Forgets the token here and revokes it on the server. Returns whether the server was told; if it could not be
     * reached, the token stays valid there until it expires, but this folder no longer has it.
     */
    public boolean logout() throws SyncFailure {
        Account a = file.read();
        if (a == null || !a.signedIn()) {
            return true;
        }
        file.write(a.signedOut());
        return revokeQuietly(new SyncHttp(a.server()), a.token());
    }

    /** A session that is not kept: for one request made as another account (an instructor inviting from a script). */
    public static Account session(String serverUrl, String user, String password) throws SyncFailure {
        SyncHttp http = new SyncHttp(SyncHttp.normalize(serverUrl));
        Session s = http.post(Protocol.LOGIN, null, new LoginRequest(user, password, null), Session.class);
        return new Account(http.server(), s.account().user(), s.account().id(), s.account().role(), s.token(),
                s.expiresAt(), null);
    }

    /** Revokes a session that is not kept; quietly, as far as the server can be told. */
    public static void revoke(Account a) {
        revokeQuietly(new SyncHttp(a.server()), a.token());
    }

    /** An invitation for {@code user} (null: anyone) with {@code role}, made by the signed-in account. */
    public static Invitation invite(Account inviter, String role, String user) throws SyncFailure {
        return new SyncHttp(inviter.server()).post(Protocol.INVITATIONS, inviter.token(),
                new InviteRequest(role, user, null), Invitation.class);
    }

    static boolean revokeQuietly(SyncHttp http, String token) {
        try {
            http.post(Protocol.LOGOUT, token, null, null);
            return true;
        } catch (SyncFailure f) {
            // An expired or revoked token is as good as revoked.
            return f.kind() == Kind.AUTH;
        }
    }
}
