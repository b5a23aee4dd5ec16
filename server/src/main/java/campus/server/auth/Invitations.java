package campus.server.auth;

import campus.progress.sync.protocol.Accounts.Invitation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Invitation codes: single use, with an expiry, for one role and optionally one user name. Only a hash of
 * each code is stored, like tokens.
 */
public final class Invitations {

    private Invitations() {
    }

    /** What an invitation grants, once it has been checked and taken. */
    public record Grant(Role role) {
    }

    public static Invitation create(Connection c, Principal by, Role role, String user, long now, long expires) throws SQLException {
        String code = Secrets.inviteCode();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO invitations"
                + " (code_hash, account_role, user_key, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, Secrets.sha256(Secrets.normalizeCode(code)));
            s.setString(2, role.wire());
            s.setString(3, user == null ? null : Account.key(user));
            s.setString(4, by.accountId());
            s.setLong(5, now);
            s.setLong(6, expires);
            s.executeUpdate();
        }
        return new Invitation(code, role.wire(), user, Instant.ofEpochMilli(expires).toString());
    }

    /**
     * Takes the invitation for {@code user} inside the caller's transaction (its row stays locked until the
     * transaction ends, so two sign-ups cannot both take it); null if it is unknown, used, expired or for
     * another user.
     */
    public static Grant take(Connection c, String code, String user, String accountId, long now) throws SQLException {
        String hash = Secrets.sha256(Secrets.normalizeCode(code));
        Role role;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT account_role, user_key, expires_at, used_at FROM invitations WHERE code_hash = ? FOR UPDATE")) {
            s.setString(1, hash);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                role = Role.of(r.getString(1));
                String forUser = r.getString(2);
                long expires = r.getLong(3);
                r.getLong(4);
                boolean used = !r.wasNull();
                if (used || expires <= now || role == null || (forUser != null && !forUser.equals(Account.key(user)))) {
                    return null;
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE invitations SET used_by = ?, used_at = ? WHERE code_hash = ? AND used_at IS NULL")) {
            s.setString(1, accountId);
            s.setLong(2, now);
            s.setString(3, hash);
            return s.executeUpdate() == 1 ? new Grant(role) : null;
        }
    }
}
