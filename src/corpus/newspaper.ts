/**
 * Reading a raw newspaper page (text extracted from print) into its articles.
 *
 * Layout this expects, as on data/corpus/000_*.txt: article bodies first, in narrow columns (lines
 * broken mid-sentence, blank lines between them meaningless), each ending at a byline or where the
 * next `本报讯` begins; then a block of headlines, photo credits and captions, in any order.
 *
 * Rules, in the order they are applied:
 * - Column width = median display width of lines that do not end a sentence (those are full lines).
 *   If most lines do end a sentence, the text is not in columns: one paragraph a line.
 * - The last body line is the last line (from the bottom) that ends a sentence or carries a
 *   byline, not counting credits and captions (lines wider than 1.5 columns). Everything after it
 *   is the trailing block.
 * - Bodies end at a byline: reporters' names alone on a line after a finished sentence, or after
 *   the last sentence on the same line (`占比99%。 宋显晖`); and a new body starts at `本报讯`.
 *   A `本报讯（记者 叶伟）` header gives the byline and is removed from the body.
 * - In the trailing block, lines with a credit (`图片来源：…`) and the wide wrapped lines of the
 *   caption above them are set apart; the rest are headline lines. A caption (its text and credit)
 *   is matched to a body as a headline is and kept as that article's last paragraph, in section
 *   `图片说明`; a credit with no caption text is dropped. Consecutive lines are grouped into
 *   headlines of one to three lines, and headlines are matched to bodies by content — shared zone
 *   names, figures and rare character bigrams — choosing the grouping and one-to-one assignment
 *   with the highest total score, never by position. A pair must clear a minimum score; a line that
 *   fits no body and a body left without a headline are reported as problems.
 * - A subhead is a short line (at most column width − 3) with no sentence punctuation, standing
 *   after a finished sentence, whose last character can end a phrase and which shares no word
 *   with the next line (`党|委` broken across lines is a sentence going on, not a subhead).
 * - A paragraph ends at a line that ends a sentence and is noticeably short (column width − 1 or
 *   less), or before a subhead; a full line ending `。` keeps the paragraph going. Either way a
 *   sentence is never split across paragraphs.
 * - No trailing headline block (a plain article in a `.txt`): the whole text is one article; its
 *   first line is the title when it is short (≤ 40 wide), has no sentence punctuation and does not
 *   run on into the next line; otherwise the title is the first sentence, shortened.
 *
 * A PDF's text layer comes in through `parseLaidOutPage`, with the articles already told apart by
 * their position under a headline (src/corpus/pdf.ts); the same rules then apply within each.
 */
import { makeArticle, type ParsedFile, titleFromBody } from "./article.js";
import { bylineOnly, stripHeader, trailingByline } from "./page/bylines.js";
import { captionBodies, matchHeadlines } from "./page/headlines.js";
import { columnWidth, creditAt, headlineText, isColumned, paragraphsOf, titleLike } from "./page/layout.js";
import { type Body, type Line, toLine } from "./page/lines.js";
import { endsSentence } from "./text.js";
import type { Article, CorpusProblem, Paragraph } from "./types.js";

// The rules above are applied by: page/layout.ts (columns, credits, paragraphs), page/bylines.ts,
// page/headlines.ts (the headline block matched to the bodies); this file cuts the page and
// assembles the articles. `parseNewspaperPage` is the entry point for text (a `.txt`, OCR output),
// `parseLaidOutPage` for a PDF page whose layout already marked out its articles.

/** Index of the last line of the last body, or -1 when the text never finishes a sentence. */
function lastBodyLine(lines: readonly Line[], col: number): number {
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i] as Line;
    if (creditAt(l.raw) >= 0) continue;
    if (trailingByline(l.raw)) return i;
    if (endsSentence(l.text)) {
      if (l.width > 1.5 * col) continue; // a one-line caption, wider than any column
      return i;
    }
    const prev = lines[i - 1];
    if (prev && endsSentence(prev.text) && bylineOnly(l.raw, true)) return i;
  }
  return -1;
}

/**
 * Drops photo credits and their captions: a line with a credit, the caption text before the credit
 * on that line, and the wide wrapped caption lines just above it. `keep` counts how many lines
 * must stay (the headline block must keep one line per body).
 */
function dropCaptions(
  lines: readonly Line[],
  col: number,
  columned: boolean,
  keep = 0,
): { kept: Line[]; dropped: Line[] } {
  const drop = new Set<number>();
  const wide = Math.max(20, 1.5 * col);
  lines.forEach((l, i) => {
    const at = creditAt(l.raw);
    // Without columns every paragraph is a wide line: only a credit marks a caption there.
    const captionEnd = at > 0 || (columned && endsSentence(l.text) && l.width > 1.5 * col);
    if (at < 0 && !captionEnd) return;
    drop.add(i);
    if (!captionEnd) return;
    // Wrapped caption lines are all as wide as the caption's column; stop at anything else.
    let k = i - 1;
    let width: number | null = null;
    while (k >= 0 && lines.length - drop.size > keep) {
      const p = lines[k] as Line;
      if (drop.has(k) || creditAt(p.raw) >= 0 || endsSentence(p.text) || p.width < wide) break;
      if (width !== null && Math.abs(p.width - width) > 2) break;
      width ??= p.width;
      drop.add(k);
      k--;
    }
  });
  return {
    kept: lines.filter((_, i) => !drop.has(i)),
    dropped: lines.filter((_, i) => drop.has(i)),
  };
}

/** Splits the body region into bodies at bylines and `本报讯`. */
function splitBodies(lines: readonly Line[]): Body[] {
  const bodies: Body[] = [];
  let cur: Body = { lines: [], byline: null };
  const close = () => {
    if (cur.lines.length > 0) bodies.push(cur);
    cur = { lines: [], byline: null };
  };
  lines.forEach((line, i) => {
    const next = lines[i + 1];
    if (line.text.startsWith("本报讯")) close();
    const prev = cur.lines.at(-1);
    if (prev && endsSentence(prev.text)) {
      const names = bylineOnly(line.raw, next === undefined || next.text.startsWith("本报讯"));
      if (names) {
        cur.byline = names;
        close();
        return;
      }
    }
    const tb = trailingByline(line.raw);
    if (tb) {
      cur.lines.push(toLine(tb.rest, line.no));
      cur.byline = tb.byline;
      close();
      return;
    }
    cur.lines.push(line);
  });
  close();
  return bodies.map((b) => {
    const h = stripHeader(b.lines);
    const byline = [h.byline, b.byline].filter((x): x is string => x !== null);
    return { lines: h.lines, byline: byline.length > 0 ? [...new Set(byline)].join(" ") : null };
  });
}

/** One article from a text with no headline block: first line as title when it reads as one. */
function plainArticle(
  lines: readonly Line[],
  col: number,
  columned: boolean,
  source: string,
  id: string,
): Article {
  // A title may be printed over up to three lines (`重庆市高新区` / `协同创新战略联盟成立`).
  let n = 0;
  while (n < 3 && n + 1 < lines.length) {
    const l = lines[n] as Line;
    if (endsSentence(l.text) || !titleLike(l, lines[n + 1], 40)) break;
    n++;
  }
  const titleLines = lines.slice(0, n);
  const rest = lines.slice(n);
  let byline: string | null = null;
  const bodyLines = [...rest];
  const last = bodyLines.at(-1);
  const beforeLast = bodyLines.at(-2);
  if (last && beforeLast && endsSentence(beforeLast.text)) {
    const names = bylineOnly(last.raw, true);
    if (names) {
      byline = names;
      bodyLines.pop();
    }
  }
  const tail = bodyLines.at(-1);
  const tb = tail ? trailingByline(tail.raw) : null;
  if (tail && tb) {
    bodyLines[bodyLines.length - 1] = toLine(tb.rest, tail.no);
    byline = tb.byline;
  }
  const h = stripHeader(bodyLines);
  const paragraphs = paragraphsOf(h.lines, col, columned);
  return makeArticle({
    id,
    title: n > 0 ? headlineText(titleLines) : titleFromBody(paragraphs),
    byline: h.byline ?? byline,
    source,
    paragraphs,
  });
}

/**
 * Splits a raw newspaper page into its articles (rules in this module's comment). Ids are
 * `${idPrefix}-${n}`, n the 1-based order of the body on the page. A text that cannot be split
 * (no headline block at its end) comes back as one article. Never throws: headlines that fit no
 * body and bodies without a headline are reported in `problems`.
 */
export function parseNewspaperPage(text: string, source: string, idPrefix: string): ParsedFile {
  const problems: CorpusProblem[] = [];
  const lines = text
    .split(/\r\n|\r|\n/)
    .map((raw, i) => toLine(raw, i + 1))
    .filter((l) => l.text !== "");
  if (lines.length === 0) return { articles: [], problems: [{ path: source, message: "no text" }] };

  const col = columnWidth(lines);
  const columned = isColumned(lines, col);
  const end = columned ? lastBodyLine(lines, col) : lines.length - 1;
  const region = dropCaptions(lines.slice(0, end + 1), col, columned).kept;
  const bodies = splitBodies(region);
  // The trailing block: its headline lines kept, its captions and credits set apart (kept below).
  const { kept: tail, dropped } = dropCaptions(lines.slice(end + 1), col, columned, bodies.length);

  if (!columned || tail.length === 0 || bodies.length === 0) {
    const all = dropCaptions(lines, col, columned).kept;
    return { articles: [plainArticle(all, col, columned, source, `${idPrefix}-1`)], problems };
  }

  const paragraphs = bodies.map((b) => paragraphsOf(b.lines, col, columned));
  const texts = paragraphs.map(bodyText);
  const { heads, unused } = matchHeadlines(tail, texts);
  for (const l of unused) {
    problems.push({ path: source, line: l.no, message: `headline line fits no article: ${l.text}` });
  }
  // A photo's caption says what the photo shows (`刘怀信（左一）查看…种植基地`): it is kept as a
  // paragraph of its own after the body it belongs to, labelled, so what it states can be asked and cited.
  keepCaptions(captionsOf(dropped), paragraphs, texts);
  return { articles: articlesOf(bodies, heads, paragraphs, source, idPrefix, problems), problems };
}

/** Each caption as a paragraph after the body it belongs to (by the headline score); one that fits none is left out. */
function keepCaptions(
  captions: readonly { text: string; credit: string | null }[],
  paragraphs: Paragraph[][],
  texts: readonly string[] = paragraphs.map(bodyText),
): void {
  const homes = captionBodies(
    captions.map((c) => `${c.text}${c.credit ?? ""}`),
    texts,
  );
  captions.forEach((c, i) => {
    const at = homes[i];
    if (at !== null && at !== undefined) paragraphs[at]?.push(captionParagraph(c));
  });
}

/** A caption's sentence, at least this many Chinese characters: a credit alone, or a stray word, is no caption. */
const MIN_CAPTION = 8;

/**
 * The captions among a page's dropped lines: consecutive lines (the wrapped caption and the credit
 * after it) joined, the credit (`图片来源：兰州高新区`) told apart from the text it follows.
 */
export function captionsOf(dropped: readonly Line[]): { text: string; credit: string | null }[] {
  const blocks: Line[][] = [];
  for (const l of dropped) {
    const last = blocks.at(-1);
    const prev = last?.at(-1);
    if (last !== undefined && prev !== undefined && l.no - prev.no <= 2 && creditAt(prev.raw) < 0)
      last.push(l);
    else blocks.push([l]);
  }
  const out: { text: string; credit: string | null }[] = [];
  for (const b of blocks) {
    const joined = b.map((l) => l.text).join("");
    const at = creditAt(joined);
    const text = (at < 0 ? joined : joined.slice(0, at)).trim();
    const credit = at < 0 ? null : joined.slice(at).replace(CREDIT_LABEL, "").trim() || null;
    if ((text.match(/\p{Script=Han}/gu) ?? []).length >= MIN_CAPTION && endsSentence(text))
      out.push({ text, credit });
  }
  return out;
}

/** The paragraph a caption becomes: `图片说明：…。图片来源：兰州高新区。` */
export function captionParagraph(c: { text: string; credit: string | null }): Paragraph {
  return {
    section: CAPTION_SECTION,
    text: `图片说明：${c.text}${c.credit === null ? "" : `图片来源：${c.credit}。`}`,
  };
}

/** The section of a caption's paragraph. */
export const CAPTION_SECTION = "图片说明";

/** The label of a credit (`图片来源：`), before the source it names. */
const CREDIT_LABEL = /^\s*(?:图片来源|图片提供|图片|供图|摄影|照片)\s*[:：]\s*/u;

/** A body's text for matching headlines: subheads and paragraphs. */
const bodyText = (ps: readonly Paragraph[]) => ps.map((p) => `${p.section ?? ""}\n${p.text}`).join("\n");

/** The page's articles, `${idPrefix}-n` in body order; a body without a headline is titled by its first sentence. */
function articlesOf(
  bodies: readonly Body[],
  heads: readonly (Line[] | null | undefined)[],
  paragraphs: readonly Paragraph[][],
  source: string,
  idPrefix: string,
  problems: CorpusProblem[],
): Article[] {
  return bodies.map((b, i) => {
    const ps = paragraphs[i] ?? [];
    const head = heads[i];
    if (!head) {
      problems.push({
        path: source,
        line: b.lines[0]?.no,
        message: `no headline found for article ${i + 1}; titled by its first sentence`,
      });
    }
    return makeArticle({
      id: `${idPrefix}-${i + 1}`,
      title: head ? headlineText(head) : titleFromBody(ps),
      byline: b.byline,
      source,
      paragraphs: ps,
    });
  });
}

/** An article a layout-aware reader marked out: the headline lines over it (none for a continuation) and its body lines in reading order. */
export interface LaidOutArticle {
  headline: string[];
  lines: string[];
}

/**
 * The newspaper reader on a page whose layout already tells its articles apart (a PDF's text
 * layer: positions and type sizes): each article's body is still split at bylines and `本报讯`,
 * cleaned of captions and credits, and cut into paragraphs and subheads by the rules above; a body
 * with no headline over it is matched by content against the `spare` lines (the page's other large
 * or small type). Problems name `page` (e.g. `page 2`) instead of a line.
 */
export function parseLaidOutPage(
  page: { articles: readonly LaidOutArticle[]; spare: readonly string[] },
  source: string,
  idPrefix: string,
): ParsedFile {
  let no = 0;
  const lines = (raws: readonly string[]) => raws.map((r) => toLine(r, ++no)).filter((l) => l.text !== "");
  const blocks = page.articles.map((a) => ({ head: lines(a.headline), body: lines(a.lines) }));
  // A photo's caption in small type is a spare line of its own (the reader joins its wrapped lines).
  const spareLines = lines(page.spare);
  const spareCaptions = spareLines.map((l) => captionsOf([l])[0] ?? null);
  const spare = spareLines.filter((_, i) => spareCaptions[i] === null);
  const all = blocks.flatMap((b) => b.body);
  if (all.length === 0) return { articles: [], problems: [] };
  const col = columnWidth(all);
  const columned = isColumned(all, col);
  const bodies: Body[] = [];
  const heads: (Line[] | null)[] = [];
  const dropped: Line[] = [];
  for (const b of blocks) {
    const { kept, dropped: off } = dropCaptions(b.body, col, columned);
    dropped.push(...off);
    splitBodies(kept).forEach((body, i) => {
      bodies.push(body);
      heads.push(i === 0 && b.head.length > 0 ? b.head : null);
    });
  }
  const paragraphs = bodies.map((b) => paragraphsOf(b.lines, col, columned));
  const headless = heads.flatMap((h, i) => (h === null ? [i] : []));
  const matched = matchHeadlines(
    spare,
    headless.map((i) => bodyText(paragraphs[i] ?? [])),
  );
  headless.forEach((bi, k) => {
    heads[bi] = matched.heads[k] ?? null;
  });
  // Captions in body type (dropped with their credit) and in small type, each after its own body.
  keepCaptions([...captionsOf(dropped), ...spareCaptions.filter((c) => c !== null)], paragraphs);
  const problems: CorpusProblem[] = [];
  const articles = articlesOf(bodies, heads, paragraphs, source, idPrefix, problems);
  // Line numbers of a laid-out page mean nothing to a person; the caller names the page instead.
  return { articles, problems: problems.map(({ line: _, ...p }) => p) };
}
