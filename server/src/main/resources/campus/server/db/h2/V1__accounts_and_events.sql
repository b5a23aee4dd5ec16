-- Keep to what TiDB runs as well (docs/decisions/0006-server-database-portability.md): no triggers, no stored
-- procedures, no foreign keys, no auto-increment keys; times are epoch milliseconds in BIGINT.

CREATE TABLE accounts (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_name     VARCHAR(64)  NOT NULL,
    user_key      VARCHAR(64)  NOT NULL,
    account_role  VARCHAR(16)  NOT NULL,
    password_hash VARCHAR(200),
    password_once SMALLINT     NOT NULL,
    created_at    BIGINT       NOT NULL,
    CONSTRAINT accounts_user_key UNIQUE (user_key)
);

CREATE TABLE tokens (
    token_hash VARCHAR(64) NOT NULL PRIMARY KEY,
    account_id VARCHAR(36) NOT NULL,
    device_id  VARCHAR(64),
    created_at BIGINT      NOT NULL,
    expires_at BIGINT      NOT NULL,
    revoked_at BIGINT
);
CREATE INDEX tokens_account ON tokens (account_id);

CREATE TABLE invitations (
    code_hash    VARCHAR(64) NOT NULL PRIMARY KEY,
    account_role VARCHAR(16) NOT NULL,
    user_key     VARCHAR(64),
    created_by   VARCHAR(36) NOT NULL,
    created_at   BIGINT      NOT NULL,
    expires_at   BIGINT      NOT NULL,
    used_by      VARCHAR(36),
    used_at      BIGINT
);

CREATE TABLE devices (
    device_id  VARCHAR(64) NOT NULL PRIMARY KEY,
    account_id VARCHAR(36) NOT NULL,
    acked_seq  BIGINT      NOT NULL,
    created_at BIGINT      NOT NULL,
    updated_at BIGINT      NOT NULL
);
CREATE INDEX devices_account ON devices (account_id, device_id);

CREATE TABLE events (
    device_id   VARCHAR(64)       NOT NULL,
    seq         BIGINT            NOT NULL,
    event_id    VARCHAR(64)       NOT NULL,
    account_id  VARCHAR(36)       NOT NULL,
    kind        VARCHAR(64)       NOT NULL,
    subject     VARCHAR(512),
    hlc_ms      BIGINT            NOT NULL,
    hlc_count   INT               NOT NULL,
    received_at BIGINT            NOT NULL,
    body        VARCHAR(1048576)  NOT NULL,
    PRIMARY KEY (device_id, seq),
    CONSTRAINT events_event_id UNIQUE (event_id)
);

CREATE TABLE login_limits (
    limit_key    VARCHAR(200) NOT NULL PRIMARY KEY,
    window_start BIGINT       NOT NULL,
    failures     INT          NOT NULL
);
