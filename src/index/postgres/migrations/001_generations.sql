-- The bookkeeping of generations (see ../schema.ts). A database whose tables older code made already
-- has both tables: CREATE … IF NOT EXISTS leaves them, and 002 brings them to this shape.

CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE IF NOT EXISTS @schema@.gaoxin_generations (
  id bigserial PRIMARY KEY,
  state text NOT NULL DEFAULT 'loading' CHECK (state IN ('loading', 'ready')),
  -- The generation's IndexManifest (inputs, files, counts, embeddings, HNSW parameters).
  manifest jsonb,
  -- BM25 {k1, b}, and each passage's length in terms (Uint32 array) that every bot scores with.
  bm25_params jsonb,
  bm25_lengths bytea,
  -- [article id, content hash] in corpus order: what the next ingest compares its corpus with.
  article_hashes jsonb,
  -- Each zone with its article count ([{zone, articles}]), written with the articles table.
  zone_counts jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- When the generation stopped being current (null: it still is, or never was).
  replaced_at timestamptz
);

CREATE TABLE IF NOT EXISTS @schema@.gaoxin_current (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  generation bigint NOT NULL REFERENCES @schema@.gaoxin_generations (id),
  switched_at timestamptz NOT NULL DEFAULT now()
);
