-- Questbench schema 1: workspaces, quests with derived summary columns, the event journal,
-- full-text search over titles and messages, settings.
-- Times are INTEGER nanoseconds since the epoch (exact Instant round trips, sortable).
-- Tables use explicit INTEGER PRIMARY KEYs because FTS rows point at them and VACUUM may renumber implicit rowids.

CREATE TABLE workspaces (
    pk         INTEGER PRIMARY KEY,
    id         TEXT    NOT NULL UNIQUE,
    path       TEXT    NOT NULL UNIQUE,
    name       TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE quests (
    pk               INTEGER PRIMARY KEY,
    id               TEXT    NOT NULL UNIQUE,
    title            TEXT    NOT NULL,
    prompt           TEXT    NOT NULL,
    workspace_id     TEXT    REFERENCES workspaces (id) ON DELETE SET NULL,
    backend          TEXT    NOT NULL,
    model            TEXT,
    mode             TEXT    NOT NULL,
    environment      TEXT    NOT NULL,
    options          TEXT    NOT NULL,
    pinned           INTEGER NOT NULL DEFAULT 0,
    archived         INTEGER NOT NULL DEFAULT 0,
    read             INTEGER NOT NULL DEFAULT 1,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    -- Derived from the journal in the same transaction as each append; never set by callers.
    status           TEXT    NOT NULL,
    last_activity_at INTEGER NOT NULL,
    event_count      INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX quests_by_workspace ON quests (workspace_id);
CREATE INDEX quests_by_activity ON quests (last_activity_at);

CREATE TABLE events (
    pk           INTEGER PRIMARY KEY,
    id           TEXT    NOT NULL UNIQUE,
    quest_id     TEXT    NOT NULL REFERENCES quests (id) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,
    type         TEXT    NOT NULL,
    processed_at INTEGER NOT NULL,
    -- Exactly one of body (the event's JSON) and blob_ref (sha256:<hex> of a file under blobs/) is set.
    body         TEXT,
    blob_ref     TEXT,
    UNIQUE (quest_id, seq),
    CHECK ((body IS NULL) <> (blob_ref IS NULL))
);

CREATE INDEX events_by_type ON events (quest_id, type, seq);

-- Contentless full-text indexes: the text itself lives in quests and events.
-- quest_text rowid = quests.pk; message_text rowid = (quests.pk << 32) | events.seq, so a search reads the
-- quest straight from the rowid without visiting the events.
CREATE VIRTUAL TABLE quest_text USING fts5 (title, prompt, content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE message_text USING fts5 (text, content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2');

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
