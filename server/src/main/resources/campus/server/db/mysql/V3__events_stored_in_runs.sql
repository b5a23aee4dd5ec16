-- Events are stored in runs: a row holds one device's consecutive events from first_seq to last_seq, as a JSON
-- array of each event's JSON as it was pushed (docs/decisions/0010-events-stored-in-runs.md). A push is one
-- row to write instead of one row and two index entries per event, which on the embedded database was most of
-- the server's work per event. Runs of a device never overlap; (device_id, last_seq) finds the run that holds
-- a seq. Keep to what TiDB runs as well (docs/decisions/0006-server-database-portability.md).

CREATE TABLE event_runs (
    device_id   VARCHAR(64) NOT NULL,
    first_seq   BIGINT      NOT NULL,
    last_seq    BIGINT      NOT NULL,
    account_id  VARCHAR(36) NOT NULL,
    received_at BIGINT      NOT NULL,
    body        MEDIUMTEXT NOT NULL,
    PRIMARY KEY (device_id, last_seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Every event stored so far becomes a run of its own: nothing is lost and nothing is rewritten.
INSERT INTO event_runs (device_id, first_seq, last_seq, account_id, received_at, body)
    SELECT device_id, seq, seq, account_id, received_at, CONCAT('[', body, ']') FROM events;

DROP TABLE events;
