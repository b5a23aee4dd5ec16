package campus.progress.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * Refuses every UPDATE and DELETE on the events table: an event, once stored, is never changed or
 * removed, whoever holds a connection to the file.
 */
public final class AppendOnly implements Trigger {

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("learning events are append-only: they are never changed or deleted", "45000");
    }
}
