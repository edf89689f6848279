import type { ArticleSource } from "./article-text.js";
import type { Candidate, SentencePick } from "./extractive.js";

/** A rival answer within this share of the best one's score counts as answering as well. */
const CLOSE = 0.9;

/**
 * For a question asking for the newest (`最近`, `目前`, `最新`): the candidates without the articles
 * that answer about as well as the best one but are older than the newest of them, so that the
 * newest article's sentence answers. The candidates unchanged when no such article is dated or the
 * best is already the newest.
 */
export async function newestCandidates(
  picks: readonly SentencePick[],
  candidates: readonly Candidate[],
  articles: ArticleSource,
): Promise<readonly Candidate[]> {
  const best = picks[0];
  if (best === undefined) return candidates;
  const close = [
    ...new Set(picks.filter((p) => p.score >= CLOSE * best.score).map((p) => p.passage.articleId)),
  ];
  if (close.length < 2) return candidates;
  const dates = await articles.loadArticles(close);
  const dated = close.map((id, i) => ({ id, date: dates[i]?.date ?? "" }));
  const newest = dated.reduce((a, b) => (b.date > a.date ? b : a));
  if (newest.date === "" || newest.id === best.passage.articleId) return candidates;
  const older = new Set(dated.filter((d) => d.date < newest.date).map((d) => d.id));
  return candidates.filter((c) => !older.has(c.passage.articleId));
}
