-- Event ids are unique per device, not across the whole table: a random UUID index over every event made each
-- push rewrite pages all over that index (on H2 at every commit), which cost more than half of the server's
-- work per event. (device_id, seq) stays the key that makes a push idempotent
-- (docs/decisions/0005-sync-protocol.md); a device's events now sit together in this index too.
-- MySQL, MariaDB and TiDB drop a unique constraint as an index.
ALTER TABLE events DROP INDEX events_event_id;
ALTER TABLE events ADD CONSTRAINT events_device_event_id UNIQUE (device_id, event_id);
