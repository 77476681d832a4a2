-- Questbench schema 3: token usage per quest, summed from span.model_request_end events on append,
-- so cards and lists show it without reading the journal.
ALTER TABLE quests ADD COLUMN input_tokens INTEGER NOT NULL DEFAULT 0;
ALTER TABLE quests ADD COLUMN output_tokens INTEGER NOT NULL DEFAULT 0;
