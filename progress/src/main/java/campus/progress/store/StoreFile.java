package campus.progress.store;

import campus.i18n.Msg;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The store's file: its connection and schema, the device id it was given, and what to do with a file that is
 * not a readable store (move it aside). Nothing here holds state; {@link ProgressStore} keeps the connection.
 */
final class StoreFile {

    /** An open store file: its connection and the id of this device, as the file names it. */
    record Opened(Connection conn, String deviceId) {
    }

    private StoreFile() {
    }

    /**
     * Connects; a file that is not a readable store is moved aside (said in {@code notices}) and a new one
     * started. Any other failure (locked, rights, a full disk) is {@link StoreUnavailableException}.
     */
    static Opened openOrReplace(Path dir, Path file, Hlc hlc, long nowMs, List<Msg> notices) {
        try {
            return connect(dir, hlc);
        } catch (SQLException e) {
            if (DiskSpace.isFull(e, dir)) {
                // Never taken for damage: what H2 could not write on a full disk may read as a broken file.
                throw new StoreUnavailableException(Msg.of("progress.store.unavailableDiskFull", file.toString(), DiskSpace.reason(e)), e);
            }
            if (!isDamage(e, file)) {
                throw new StoreUnavailableException(Msg.of("progress.store.unavailable", file.toString(), e.getMessage()), e);
            }
            Path backup = moveAside(dir, file, nowMs);
            notices.add(Msg.of("progress.store.damaged", backup.toString(), firstLine(e.getMessage())));
            try {
                return connect(dir, hlc);
            } catch (SQLException again) {
                throw new StoreUnavailableException(Msg.of("progress.store.unavailable", file.toString(), again.getMessage()), again);
            }
        }
    }

    /** Connects, creates what is missing and lets {@code hlc} pass the latest stamp in the file. */
    static Opened connect(Path dir, Hlc hlc) throws SQLException {
        String base = dir.resolve("store").toAbsolutePath().toString();
        // AUTO_SERVER: the app and a command (lab check --data) may use one data folder at the same time.
        // WRITE_DELAY=0: a committed event is in the file when the commit returns. H2 otherwise keeps up to 500 ms of
        // commits in memory, and a killed app would lose events it may already have uploaded; the next start would
        // then give their sequence numbers to other events, which the server refuses as a damaged store.
        Connection conn = DriverManager.getConnection("jdbc:h2:file:" + base + ";AUTO_SERVER=TRUE;WRITE_DELAY=0", "campus", "");
        try {
            try (Statement st = conn.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS meta(k VARCHAR(64) PRIMARY KEY, v VARCHAR(4000) NOT NULL)");
                st.execute("CREATE TABLE IF NOT EXISTS events(pos BIGINT AUTO_INCREMENT PRIMARY KEY,"
                        + " id VARCHAR(64) NOT NULL UNIQUE, learner VARCHAR(200) NOT NULL, device VARCHAR(64) NOT NULL,"
                        + " seq BIGINT NOT NULL, hlc_ms BIGINT NOT NULL, hlc_count INT NOT NULL,"
                        + " kind VARCHAR(200) NOT NULL, subject VARCHAR(2000) NOT NULL, occurred_at VARCHAR(64) NOT NULL,"
                        + " data VARCHAR(1048576) NOT NULL, UNIQUE(device, seq))");
                st.execute("CREATE TRIGGER IF NOT EXISTS events_append_only BEFORE UPDATE, DELETE ON events"
                        + " FOR EACH ROW CALL '" + AppendOnly.class.getName() + "'");
                st.execute("CREATE TABLE IF NOT EXISTS sync_acked(server VARCHAR(2000) PRIMARY KEY, seq BIGINT NOT NULL)");
                st.execute("CREATE TABLE IF NOT EXISTS sync_cursor(server VARCHAR(2000) NOT NULL, device VARCHAR(64) NOT NULL,"
                        + " seq BIGINT NOT NULL, PRIMARY KEY(server, device))");
                // The latest stamp, which the clock must pass, without reading every event at each start.
                st.execute("CREATE INDEX IF NOT EXISTS events_hlc ON events(hlc_ms, hlc_count)");
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM events")) {
                    rs.next();
                }
            }
            String deviceId = meta(conn, "device").orElse(null);
            if (deviceId == null) {
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO meta(k, v) VALUES ('device', ?)")) {
                    ps.setString(1, UUID.randomUUID().toString());
                    ps.executeUpdate();
                } catch (SQLException e) {
                    if (e.getErrorCode() != org.h2.api.ErrorCode.DUPLICATE_KEY_1) {
                        throw e;
                    }
                    // another process opening the same new folder named the device first
                }
                deviceId = meta(conn, "device").orElseThrow();
            }
            try (Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery("SELECT hlc_ms, hlc_count FROM events ORDER BY hlc_ms DESC, hlc_count DESC LIMIT 1")) {
                if (rs.next()) {
                    hlc.observe(rs.getLong(1), rs.getInt(2));
                }
            }
            return new Opened(conn, deviceId);
        } catch (SQLException | RuntimeException e) {
            try {
                conn.close();
            } catch (SQLException ignored) {
                // already failing; the first error is the one to report
            }
            throw e instanceof SQLException s ? s : new SQLException(e.getMessage(), "XX000", 50000, e);
        }
    }

    private static Optional<String> meta(Connection conn, String key) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT v FROM meta WHERE k = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Errors meaning the file is not a readable store of ours, as opposed to locked, missing rights or a full disk. */
    private static boolean isDamage(SQLException e, Path file) {
        int code = e.getErrorCode();
        if (code == org.h2.api.ErrorCode.IO_EXCEPTION_1) {
            // A file too short or with a broken chunk reads as an I/O error of the file format, with the
            // file itself perfectly accessible; a real I/O problem (rights, a full disk) is not damage.
            boolean format = false;
            for (Throwable t = e; t != null; t = t.getCause()) {
                format |= t instanceof org.h2.mvstore.MVStoreException;
            }
            return format && Files.isReadable(file) && Files.isWritable(file);
        }
        return code == org.h2.api.ErrorCode.FILE_CORRUPTED_1
                || code == org.h2.api.ErrorCode.GENERAL_ERROR_1
                || code == org.h2.api.ErrorCode.FILE_VERSION_ERROR_1
                || code == org.h2.api.ErrorCode.FILE_ENCRYPTION_ERROR_1
                || code == org.h2.api.ErrorCode.WRONG_USER_OR_PASSWORD
                || code == org.h2.api.ErrorCode.COLUMN_NOT_FOUND_1
                || code == org.h2.api.ErrorCode.TABLE_OR_VIEW_NOT_FOUND_1;
    }

    /** Renames a damaged {@code file} in {@code dir} to a backup stamped with {@code nowMs}; the backup's path. */
    private static Path moveAside(Path dir, Path file, long nowMs) {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.ofEpochMilli(nowMs));
        Path backup = dir.resolve("store-damaged-" + stamp + ".mv.db");
        for (int n = 2; Files.exists(backup); n++) {
            backup = dir.resolve("store-damaged-" + stamp + "-" + n + ".mv.db");
        }
        try {
            Files.move(file, backup, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(dir.resolve("store.trace.db"));
        } catch (IOException e) {
            throw new StoreUnavailableException(Msg.of("progress.store.unavailable", file.toString(), String.valueOf(e)), e);
        }
        return backup;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
