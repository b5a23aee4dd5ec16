package campus.server.auth;

import campus.server.db.Database;
import campus.server.db.Dialect;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.UUID;

/**
 * The first admin. On a database without any admin account, the server creates {@code admin} with a one-time
 * password and writes it to {@value #FILE} in its data folder, readable by its owner only. That password works
 * for exactly one login (or one password change); the session it opens sets a lasting password with
 * {@code POST /api/v1/account/password}. The file is deleted once the password is used. {@code --reset-admin}
 * writes a new one-time password (and revokes the admin's tokens) for an admin who lost theirs.
 */
public final class AdminBootstrap {

    public static final String USER = "admin";
    public static final String FILE = "admin-password.txt";

    private AdminBootstrap() {
    }

    /** The file written, or null when an admin exists already (and no reset was asked for). */
    public static Path ensureAdmin(Database db, Passwords passwords, Tokens tokens, Clock clock, Path dataDir, boolean reset)
            throws SQLException, IOException {
        if (!reset && hasAdmin(db)) {
            return null;
        }
        String password = Secrets.oneTimePassword();
        String hash = passwords.hash(password);
        long now = clock.millis();
        boolean changed;
        try {
            changed = db.transaction(c -> {
                Account existing = Account.byName(c, USER);
                if (existing == null) {
                    new Account(UUID.randomUUID().toString(), USER, Role.ADMIN, hash, true, now).insert(c);
                    return true;
                }
                if (!reset || existing.role() != Role.ADMIN) {
                    return false;
                }
                Account.replacePassword(c, existing.id(), existing.passwordHash(), hash, true);
                tokens.revokeAll(c, existing.id(), null);
                return true;
            });
        } catch (SQLException e) {
            if (!Dialect.isDuplicateKey(e)) {
                throw e;
            }
            changed = false; // another instance created it at the same moment and wrote its own file
        }
        if (!changed) {
            if (reset) {
                throw new IOException("there is no admin account named '" + USER + "' to reset");
            }
            return null;
        }
        return write(dataDir.resolve(FILE), password);
    }

    private static boolean hasAdmin(Database db) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM accounts WHERE account_role = ?")) {
                s.setString(1, Role.ADMIN.wire());
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1) > 0;
                }
            }
        });
    }

    private static Path write(Path file, String password) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
            java.io.File f = file.toFile();
            f.setReadable(false, false);
            f.setWritable(false, false);
            f.setReadable(true, true);
            f.setWritable(true, true);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("could not replace " + file, e);
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("Campus progress server: the one-time password of the account '" + USER + "'.\n");
            w.write("It works for one login; in that session set a password of your own\n");
            w.write("(POST /api/v1/account/password). This file is deleted once the password is used.\n\n");
            w.write("user: " + USER + "\npassword: " + password + "\n");
        }
        return file;
    }

    /** Deletes the file of a one-time password that has been used. */
    public static void forget(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(FILE));
        } catch (IOException ignored) {
            // Another instance's folder, or already gone: the password in it no longer works either way.
        }
    }
}
