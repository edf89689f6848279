-- One row per question answered (or declined). The user is a keyed hash, never the Discord id.
CREATE TABLE questions (
  id          TEXT PRIMARY KEY,      -- the answer id carried by the feedback buttons
  at          BIGINT NOT NULL,       -- ms since the epoch
  guild_id    TEXT,                  -- null in DMs
  channel_id  TEXT,
  user_key    TEXT NOT NULL,         -- HMAC-SHA256(STATE_SALT, user id)
  question    TEXT NOT NULL,
  mode        TEXT NOT NULL,         -- extractive | llm
  declined    INTEGER NOT NULL,      -- 1 when the bot said the corpus has no answer
  citations   TEXT NOT NULL,         -- JSON array of cited passage ids
  zones       TEXT NOT NULL,         -- JSON array of the zones the question names
  uncovered   TEXT NOT NULL,         -- JSON array of those the corpus does not cover
  topic       TEXT NOT NULL,         -- the question's main words, to group declined questions without a zone
  latency_ms  INTEGER NOT NULL
);
CREATE INDEX questions_at ON questions (at);
CREATE INDEX questions_user ON questions (user_key);

-- One vote per user per answer; a later vote replaces the earlier one.
CREATE TABLE votes (
  question_id TEXT NOT NULL,
  user_key    TEXT NOT NULL,
  vote        TEXT NOT NULL,         -- up | down
  reason      TEXT,                  -- wrong | citation | off_point | outdated | missing, or null
  at          BIGINT NOT NULL,
  PRIMARY KEY (question_id, user_key)
);
CREATE INDEX votes_at ON votes (at);
CREATE INDEX votes_user ON votes (user_key);

-- Settings the store keeps for itself (the generated hashing key when STATE_SALT is not set).
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
