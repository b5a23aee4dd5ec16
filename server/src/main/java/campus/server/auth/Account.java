package campus.server.auth;

import campus.progress.sync.protocol.Accounts.AccountInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.Locale;

/**
 * An account as stored. {@code passwordOnce} marks a one-time password (the first admin's): it is cleared by the
 * first login that uses it.
 */
public record Account(String id, String userName, Role role, String passwordHash, boolean passwordOnce, long createdAt) {

    public static final int MAX_NAME = 64;

    public AccountInfo info() {
        return new AccountInfo(id, userName, role.wire());
    }

    /** The key two names collide on: Unicode-normalized and lower-cased, so "Ana" and "ana" are one account. */
    public static String key(String userName) {
        return Normalizer.normalize(userName, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** Null if the name is acceptable, else why not. Letters of any script, digits and {@code . _ - @}. */
    public static String nameProblem(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME) {
            return "a user name has 1 to " + MAX_NAME + " characters";
        }
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (!Character.isLetterOrDigit(cp) && cp != '.' && cp != '_' && cp != '-' && cp != '@') {
                return "a user name has letters, digits and . _ - @ only, not '" + new String(Character.toChars(cp)) + "'";
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    static final String COLUMNS = "id, user_name, account_role, password_hash, password_once, created_at";

    public static Account byName(Connection c, String userName) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM accounts WHERE user_key = ?")) {
            s.setString(1, key(userName));
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? read(r) : null;
            }
        }
    }

    public static Account byId(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM accounts WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? read(r) : null;
            }
        }
    }

    private static Account read(ResultSet r) throws SQLException {
        return new Account(r.getString(1), r.getString(2), Role.of(r.getString(3)), r.getString(4), r.getInt(5) != 0, r.getLong(6));
    }

    /** Inserts the account; a taken name fails on the unique user key. */
    public void insert(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO accounts (id, user_name, user_key, account_role, password_hash, password_once, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, userName);
            s.setString(3, key(userName));
            s.setString(4, role.wire());
            s.setString(5, passwordHash);
            s.setInt(6, passwordOnce ? 1 : 0);
            s.setLong(7, createdAt);
            s.executeUpdate();
        }
    }

    /**
     * Replaces the password hash if it is still {@code expected}; false if another request changed it first
     * (a one-time password used twice at once is used once).
     */
    public static boolean replacePassword(Connection c, String id, String expected, String newHash, boolean once) throws SQLException {
        String sql = "UPDATE accounts SET password_hash = ?, password_once = ? WHERE id = ? AND "
                + (expected == null ? "password_hash IS NULL" : "password_hash = ?");
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, newHash);
            s.setInt(2, once ? 1 : 0);
            s.setString(3, id);
            if (expected != null) {
                s.setString(4, expected);
            }
            return s.executeUpdate() == 1;
        }
    }
}
