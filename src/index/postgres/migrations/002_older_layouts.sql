-- Generations written by code before these migrations, brought to the current layout once, in the
-- server (bots used to repair each at load). On a database made by 001 this changes nothing.
--
-- 1. Columns added later by ALTER … IF NOT EXISTS at every ingest.
-- 2. Generations whose article summaries were one JSON list in their row get their articles table
--    and zone counts from that list.
-- 3. Passages tables without the index on their BM25 document number (bots fetch a question's hits
--    by it) get it, and statistics for it.
-- 4. The columns nothing reads any more: the article list, and BM25's vocabulary and postings (a
--    generation from before postings had a table of their own cannot be loaded either way, and says
--    to ingest again).

ALTER TABLE @schema@.gaoxin_generations
  ADD COLUMN IF NOT EXISTS article_hashes jsonb,
  ADD COLUMN IF NOT EXISTS zone_counts jsonb,
  ADD COLUMN IF NOT EXISTS replaced_at timestamptz;

DO $migrate$
DECLARE
  s text := trim(both '"' from '@schema@');
  has_list boolean;
  listed boolean;
  g record;
  arts text;
  passages text;
BEGIN
  SELECT EXISTS (SELECT 1 FROM information_schema.columns
    WHERE table_schema = s AND table_name = 'gaoxin_generations' AND column_name = 'articles') INTO has_list;
  FOR g IN SELECT id FROM @schema@.gaoxin_generations WHERE state = 'ready' ORDER BY id LOOP
    arts := 'gaoxin_articles_' || g.id;
    passages := 'gaoxin_passages_' || g.id;
    IF has_list AND to_regclass(format('%I.%I', s, arts)) IS NULL THEN
      EXECUTE format('SELECT articles IS NOT NULL FROM %I.gaoxin_generations WHERE id = $1', s)
        INTO listed USING g.id;
      IF listed THEN
        EXECUTE format('CREATE TABLE %I.%I (pos int PRIMARY KEY, id text NOT NULL UNIQUE,
          zones text[] NOT NULL, doc_start int NOT NULL, summary jsonb NOT NULL)', s, arts);
        EXECUTE format('INSERT INTO %I.%I (pos, id, zones, doc_start, summary)
          SELECT e.ord::int - 1, e.v->>''id'', ARRAY(SELECT jsonb_array_elements_text(e.v->''zones'')),
            coalesce(sum(jsonb_array_length(e.v->''passageIds'')) OVER (ORDER BY e.ord
              ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::int, e.v
          FROM jsonb_array_elements((SELECT articles FROM %I.gaoxin_generations WHERE id = $1))
            WITH ORDINALITY AS e(v, ord)', s, arts, s) USING g.id;
        EXECUTE format('CREATE INDEX %I ON %I.%I USING gin (zones)', arts || '_zones_idx', s, arts);
        EXECUTE format('ANALYZE %I.%I', s, arts);
        EXECUTE format('UPDATE %I.gaoxin_generations SET zone_counts = (
            SELECT coalesce(jsonb_agg(jsonb_build_object(''zone'', z, ''articles'', n)), ''[]''::jsonb)
              FROM (SELECT u.z, count(*)::int AS n FROM %I.%I a
                      CROSS JOIN LATERAL (SELECT DISTINCT unnest(a.zones) AS z) u GROUP BY u.z) c)
          WHERE id = $1', s, s, arts) USING g.id;
      END IF;
    END IF;
    IF to_regclass(format('%I.%I', s, passages)) IS NOT NULL
        AND to_regclass(format('%I.%I', s, passages || '_doc_idx')) IS NULL THEN
      EXECUTE format('CREATE INDEX %I ON %I.%I (((metadata->>''doc'')::int))', passages || '_doc_idx', s, passages);
      EXECUTE format('ANALYZE %I.%I', s, passages);
    END IF;
  END LOOP;
END
$migrate$;

ALTER TABLE @schema@.gaoxin_generations
  DROP COLUMN IF EXISTS articles,
  DROP COLUMN IF EXISTS bm25_terms,
  DROP COLUMN IF EXISTS bm25_offsets,
  DROP COLUMN IF EXISTS bm25_docs,
  DROP COLUMN IF EXISTS bm25_tfs;
