"""Schema migrations, applied in order; ``PRAGMA user_version`` holds the number applied."""
from __future__ import annotations

_OPEN = "('awaiting_resolution','with_executor','awaiting_signature','signed')"  # migration 1 only
_OPEN_2 = "('awaiting_receipt','awaiting_resolution','with_executor','awaiting_signature','signed')"
OPEN_STAGES_SQL = _OPEN_2
_PACKAGES = ("('at_branch','in_transit','at_department','in_transit_back','at_branch_returned',"
             "'handed_over')")

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

# 2 (issue 5): the PSC and akimat channels. The stage CHECK gains 'awaiting_receipt' and cases gain ``package``
# (a generated column over data.package, so the JSON stays the one place it is written), which needs the cases
# table rebuilt. SQLite cannot switch foreign keys off inside the migration's transaction, and dropping the
# referenced table would fail the events' foreign key at commit, so events is copied as well (same ids and
# hashes: the audit chain is unchanged), and the new events table points at the new cases table before the
# old tables go. Then the registries, their items and every scan, append-only like the audit trail.
MIGRATIONS.append(f"""
    CREATE TABLE cases_v2 (
        id                INTEGER PRIMARY KEY,
        reg_no            TEXT NOT NULL UNIQUE CHECK (reg_no GLOB '[A-Z0-9]*' AND NOT reg_no GLOB '*[^A-Z0-9]*'),
        service           TEXT NOT NULL,
        channel           TEXT NOT NULL,
        catalogue_version TEXT NOT NULL REFERENCES catalogue_versions(version),
        stage             TEXT NOT NULL CHECK (stage IN ('awaiting_receipt','awaiting_resolution','with_executor',
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
        data              TEXT NOT NULL,
        package           TEXT GENERATED ALWAYS AS (json_extract(data, '$.package')) VIRTUAL
                              CHECK (package IS NULL OR package IN {_PACKAGES})
    ) STRICT;
    INSERT INTO cases_v2(id, reg_no, service, channel, catalogue_version, stage, decision, iin, surname, name,
                         patronymic, name_key, address, phone, registered_at, registered_by, executor_id, due_at,
                         step_due_at, stage_since, closed_at, data)
        SELECT id, reg_no, service, channel, catalogue_version, stage, decision, iin, surname, name, patronymic,
               name_key, address, phone, registered_at, registered_by, executor_id, due_at, step_due_at,
               stage_since, closed_at, data FROM cases ORDER BY id;

    CREATE TABLE events_v2 (
        id         INTEGER PRIMARY KEY,
        case_id    INTEGER REFERENCES cases_v2(id),
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
    INSERT INTO events_v2(id, case_id, at, actor_id, actor, action, from_stage, to_stage, details, prev_hash, hash)
        SELECT id, case_id, at, actor_id, actor, action, from_stage, to_stage, details, prev_hash, hash
        FROM events ORDER BY id;

    DROP TABLE events;
    DROP TABLE cases;
    ALTER TABLE cases_v2 RENAME TO cases;
    ALTER TABLE events_v2 RENAME TO events;

    CREATE INDEX cases_iin ON cases(iin, service);
    CREATE INDEX cases_name ON cases(name_key);
    CREATE INDEX cases_registered ON cases(registered_at);
    CREATE INDEX cases_service_registered ON cases(service, registered_at);
    CREATE INDEX cases_stage_due ON cases(stage, step_due_at);
    CREATE INDEX cases_executor_inbox ON cases(executor_id, step_due_at)
        WHERE stage IN ('with_executor', 'signed', 'suspended');
    CREATE INDEX cases_open_due ON cases(due_at) WHERE stage IN {_OPEN_2};
    CREATE INDEX cases_package ON cases(channel, package) WHERE package IS NOT NULL;
    CREATE INDEX events_case ON events(case_id, id);

    CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    CREATE TRIGGER events_no_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    CREATE TRIGGER cases_no_delete BEFORE DELETE ON cases
        BEGIN SELECT RAISE(ABORT, 'cases are never deleted'); END;

    CREATE TABLE registries (
        id         INTEGER PRIMARY KEY,
        number     TEXT NOT NULL UNIQUE CHECK (number GLOB 'R[0-9]*' AND NOT number GLOB '*[^A-Z0-9]*'),
        direction  TEXT NOT NULL CHECK (direction IN ('to_department', 'to_branch')),
        source     TEXT NOT NULL CHECK (source GLOB 'psc:[0-9]*' OR source GLOB 'akimat:[0-9]*'),
        day        TEXT NOT NULL,
        run        INTEGER NOT NULL CHECK (run >= 1),
        status     TEXT NOT NULL CHECK (status IN ('dispatched', 'receiving', 'received', 'incomplete')),
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES users(id),
        closed_at  TEXT,
        closed_by  INTEGER REFERENCES users(id),
        UNIQUE (source, direction, day, run)
    ) STRICT;
    CREATE TABLE registry_items (
        registry_id INTEGER NOT NULL REFERENCES registries(id),
        case_id     INTEGER NOT NULL REFERENCES cases(id),
        position    INTEGER NOT NULL,
        state       TEXT NOT NULL CHECK (state IN ('in_transit', 'received', 'missing')),
        received_at TEXT,
        received_by INTEGER REFERENCES users(id),
        PRIMARY KEY (registry_id, case_id)
    ) STRICT;
    CREATE INDEX registry_items_case ON registry_items(case_id);
    CREATE TABLE scans (
        id          INTEGER PRIMARY KEY,
        registry_id INTEGER NOT NULL REFERENCES registries(id),
        case_id     INTEGER REFERENCES cases(id),
        code        TEXT NOT NULL,
        result      TEXT NOT NULL CHECK (result IN ('received', 'not_on_registry', 'unknown', 'duplicate',
                                                    'registry')),
        at          TEXT NOT NULL,
        actor_id    INTEGER NOT NULL REFERENCES users(id)
    ) STRICT;
    CREATE INDEX scans_registry ON scans(registry_id, id);
    CREATE INDEX scans_case ON scans(case_id) WHERE case_id IS NOT NULL;
    CREATE TRIGGER registries_no_delete BEFORE DELETE ON registries
        BEGIN SELECT RAISE(ABORT, 'registries are never deleted'); END;
    CREATE TRIGGER registry_items_no_delete BEFORE DELETE ON registry_items
        BEGIN SELECT RAISE(ABORT, 'registry items are never deleted'); END;
    CREATE TRIGGER scans_no_update BEFORE UPDATE ON scans
        BEGIN SELECT RAISE(ABORT, 'scans are append-only'); END;
    CREATE TRIGGER scans_no_delete BEFORE DELETE ON scans
        BEGIN SELECT RAISE(ABORT, 'scans are append-only'); END;
""")

# 3 (issue 9): several desks on one register. ``cases.version`` goes up by one on every change of the case row, so
# a desk that acts on what it showed learns that someone else changed the case meanwhile, and a write is applied
# only to the version it was computed from (UPDATE ... WHERE id=? AND version=?). ``requests`` remembers the token
# of every client request that changed something, in the same transaction: a request retried after a lost
# connection finds its token and does nothing a second time.
MIGRATIONS.append("""
    ALTER TABLE cases ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
    CREATE TABLE requests (
        token    TEXT PRIMARY KEY,
        case_id  INTEGER REFERENCES cases(id),
        event_id INTEGER,
        at       TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER requests_no_update BEFORE UPDATE ON requests
        BEGIN SELECT RAISE(ABORT, 'requests are append-only'); END;
""")

LATEST = len(MIGRATIONS)
