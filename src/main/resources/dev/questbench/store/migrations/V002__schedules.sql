-- Questbench schema 2: schedules and their run history.
-- Times are INTEGER nanoseconds since the epoch, as in schema 1.

CREATE TABLE schedules (
    pk                INTEGER PRIMARY KEY,
    id                TEXT    NOT NULL UNIQUE,
    name              TEXT    NOT NULL,
    -- The ScheduleRule as JSON with a "type" discriminator (one_time, interval, hourly, daily, weekly, monthly, cron).
    rule              TEXT    NOT NULL,
    prompt            TEXT    NOT NULL,
    workspace_id      TEXT    REFERENCES workspaces (id) ON DELETE SET NULL,
    model             TEXT,
    goal              INTEGER NOT NULL DEFAULT 0,
    -- No foreign key: when that quest is deleted the schedule stays, and its runs fail with a clear message.
    continue_quest_id TEXT,
    enabled           INTEGER NOT NULL DEFAULT 1,
    zone              TEXT    NOT NULL,
    -- Kept by the scheduler: the next due time; NULL while disabled or after a one-time schedule ran.
    next_run_at       INTEGER,
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL
);

CREATE INDEX schedules_due ON schedules (next_run_at) WHERE enabled = 1 AND next_run_at IS NOT NULL;

CREATE TABLE schedule_runs (
    pk            INTEGER PRIMARY KEY,
    id            TEXT    NOT NULL UNIQUE,
    schedule_id   TEXT    NOT NULL REFERENCES schedules (id) ON DELETE CASCADE,
    scheduled_for INTEGER NOT NULL,
    started_at    INTEGER,
    finished_at   INTEGER,
    -- No foreign key: the history outlives a deleted quest.
    quest_id      TEXT,
    -- The quest's last journal seq before this run's message; the outcome is read from the events after it.
    after_seq     INTEGER NOT NULL DEFAULT 0,
    state         TEXT    NOT NULL CHECK (state IN ('SUCCESS', 'RUNNING', 'FAILED', 'MISSED')),
    message       TEXT
);

CREATE INDEX schedule_runs_by_schedule ON schedule_runs (schedule_id, pk);
CREATE INDEX schedule_runs_by_quest ON schedule_runs (quest_id);
CREATE INDEX schedule_runs_running ON schedule_runs (state) WHERE state = 'RUNNING';
