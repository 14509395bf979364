"""Schema migrations, applied in order; ``PRAGMA user_version`` holds the number applied."""
from __future__ import annotations

_OPEN = "('awaiting_resolution','with_executor','awaiting_signature','signed')"
OPEN_STAGES_SQL = _OPEN

MIGRATIONS: list[str] = [
    # 1: the register
    f"""
    CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE users (
        id            INTEGER PRIMARY KEY,
        username      TEXT NOT NULL UNIQUE,
        full_name     TEXT NOT NULL,
        roles         TEXT NOT NULL,
        phone         TEXT NOT NULL DEFAULT '',
        password_hash TEXT NOT NULL,
        active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        psc_branch    INTEGER,
        akimat_id     INTEGER,
        created_at    TEXT NOT NULL
    ) STRICT;

    CREATE TABLE catalogue_versions (
        version   TEXT PRIMARY KEY,
        loaded_at TEXT NOT NULL,
        content   TEXT NOT NULL
    ) STRICT;

    CREATE TABLE reg_counters (
        office INTEGER NOT NULL,
        year   INTEGER NOT NULL,
        last   INTEGER NOT NULL,
        PRIMARY KEY (office, year)
    ) STRICT;

    CREATE TABLE cases (
        id                INTEGER PRIMARY KEY,
        reg_no            TEXT NOT NULL UNIQUE CHECK (reg_no GLOB '[A-Z0-9]*' AND NOT reg_no GLOB '*[^A-Z0-9]*'),
        service           TEXT NOT NULL,
        channel           TEXT NOT NULL,
        catalogue_version TEXT NOT NULL REFERENCES catalogue_versions(version),
        stage             TEXT NOT NULL CHECK (stage IN ('awaiting_resolution','with_executor',
                              'awaiting_signature','signed','delivered','suspended','withdrawn')),
        decision          TEXT CHECK (decision IN ('approved', 'refused')),
        iin               TEXT NOT NULL CHECK (length(iin) = 12),
        surname           TEXT NOT NULL CHECK (surname <> ''),
        name              TEXT NOT NULL CHECK (name <> ''),
        patronymic        TEXT NOT NULL,
        name_key          TEXT NOT NULL,
        address           TEXT NOT NULL,
        phone             TEXT NOT NULL,
        registered_at     TEXT NOT NULL,
        registered_by     INTEGER NOT NULL REFERENCES users(id),
        executor_id       INTEGER REFERENCES users(id),
        due_at            TEXT NOT NULL,
        step_due_at       TEXT,
        stage_since       TEXT NOT NULL,
        closed_at         TEXT,
        data              TEXT NOT NULL
    ) STRICT;

    CREATE INDEX cases_iin ON cases(iin, service);
    CREATE INDEX cases_name ON cases(name_key);
    CREATE INDEX cases_registered ON cases(registered_at);
    CREATE INDEX cases_service_registered ON cases(service, registered_at);
    CREATE INDEX cases_stage_due ON cases(stage, step_due_at);
    CREATE INDEX cases_executor_inbox ON cases(executor_id, step_due_at)
        WHERE stage IN ('with_executor', 'signed', 'suspended');
    CREATE INDEX cases_open_due ON cases(due_at) WHERE stage IN {_OPEN};

    CREATE TABLE events (
        id         INTEGER PRIMARY KEY,
        case_id    INTEGER REFERENCES cases(id),
        at         TEXT NOT NULL,
        actor_id   INTEGER,
        actor      TEXT NOT NULL,
        action     TEXT NOT NULL,
        from_stage TEXT,
        to_stage   TEXT,
        details    TEXT NOT NULL,
        prev_hash  TEXT NOT NULL,
        hash       TEXT NOT NULL
    ) STRICT;
    CREATE INDEX events_case ON events(case_id, id);

    CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    CREATE TRIGGER events_no_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    CREATE TRIGGER cases_no_delete BEFORE DELETE ON cases
        BEGIN SELECT RAISE(ABORT, 'cases are never deleted'); END;

    CREATE TABLE calendar_overrides (
        day  TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
        note TEXT NOT NULL DEFAULT ''
    ) STRICT;
    """,
]

LATEST = len(MIGRATIONS)
