/**
 * An e-paper PDF → its articles, through the text layer (pdf.js, Mozilla's pdfjs-dist) and the newspaper
 * reader. pdf.js gives runs of text with their position and type size; they are put back together
 * into lines, the lines into reading order, and the articles are told apart by the headlines over
 * them:
 *
 * - A line is the runs on one baseline; a gap wider than an em between two runs is a column gutter,
 *   so the line is cut there.
 * - Body type is the size most characters are set in; lines set 1.2 times larger or more are
 *   headlines (kicker, title, subtitle); smaller lines (page header, captions) are spare.
 * - Reading order of the body lines is found by recursive XY-cut: a region is cut at a whitespace
 *   band across its whole width (taller than an em) when it has one — a newspaper stacks articles —
 *   else at a gutter down its whole height, columns left to right; what cannot be cut is read top
 *   to bottom.
 * - A headline starts an article at the first block (in reading order) just below it that it spans.
 *   Blocks below no headline continue the article before them (or, at the top of a page, are
 *   matched by content with the spare lines).
 * - A page's date is the one date (`2024年7月15日`) its spare lines print — the e-paper's page header.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { getDocument, type PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { normalizeDate } from "./feeds/dates.js";
import { type LaidOutArticle, parseLaidOutPage } from "./newspaper.js";
import { cleanText } from "./text.js";
import type { Article, CorpusProblem } from "./types.js";

/** A run of text on the page, in points, y downwards from the page's top. */
interface Run {
  text: string;
  x0: number;
  x1: number;
  /** Top and bottom of the type (ascent above, descent below the baseline). */
  top: number;
  bottom: number;
  size: number;
}

// pdf.js's data files: the predefined CMaps of Chinese PDFs that do not embed their fonts
// (STSong-Light with UniGB-UCS2-H, as iText writes them: without these their text reads as nothing)
// and the standard fonts' metrics. Found through the package, as files.
const PDFJS_DIR = join(
  dirname(createRequire(import.meta.url).resolve("pdfjs-dist/legacy/build/pdf.mjs")),
  "../..",
);
const PDFJS_DATA = {
  cMapUrl: `${join(PDFJS_DIR, "cmaps")}/`,
  cMapPacked: true,
  standardFontDataUrl: `${join(PDFJS_DIR, "standard_fonts")}/`,
  // Errors only: a font warning on stderr in the middle of an ingest helps no one.
  verbosity: 0,
};

/** Type this much larger than the body's is a headline. */
const HEADLINE_RATIO = 1.2;
/** Type this much smaller than the body's is not body text (page header, captions, credits). */
const SMALL_RATIO = 0.9;

/** The runs of one page, top-down. Runs with no text (spacing) are dropped. */
async function pageRuns(pdf: PDFDocumentProxy, n: number): Promise<Run[]> {
  const page = await pdf.getPage(n);
  const height = page.view[3] ?? 0;
  const content = await page.getTextContent();
  const runs: Run[] = [];
  for (const item of content.items) {
    if (!("str" in item) || item.str.trim() === "") continue;
    const [a, b, c, d, e, f] = item.transform as number[];
    // Vertical text and rotated runs are rare on e-paper pages and have no column to join.
    if (Math.abs(b ?? 0) > 0.01 || Math.abs(c ?? 0) > 0.01) continue;
    const size = Math.abs(d ?? 0) || Math.abs(a ?? 0) || item.height;
    const baseline = height - (f ?? 0);
    runs.push({
      text: item.str,
      x0: e ?? 0,
      x1: (e ?? 0) + item.width,
      top: baseline - 0.85 * size,
      bottom: baseline + 0.15 * size,
      size,
    });
  }
  return runs;
}

/** Runs joined into line pieces: same baseline, no gutter between them. */
function linesOf(runs: readonly Run[]): Run[] {
  const sorted = [...runs].sort((p, q) => p.bottom - q.bottom || p.x0 - q.x0);
  const out: Run[] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    const sameLine =
      last !== undefined && Math.abs(last.bottom - r.bottom) < 0.3 * Math.min(last.size, r.size);
    if (
      sameLine &&
      r.x0 - last.x1 <= Math.max(last.size, r.size) &&
      Math.abs(last.size - r.size) < 0.2 * r.size
    ) {
      // A space between Latin words survives; runs of Chinese join directly.
      const space = r.x0 - last.x1 > 0.2 * r.size && /[A-Za-z0-9]$/.test(last.text) ? " " : "";
      out[out.length - 1] = { ...last, text: last.text + space + r.text, x1: Math.max(last.x1, r.x1) };
    } else out.push({ ...r });
  }
  return out;
}

/** The size most characters are set in. */
function bodySize(lines: readonly Run[]): number {
  const chars = new Map<number, number>();
  for (const l of lines) {
    const k = Math.round(l.size * 2) / 2;
    chars.set(k, (chars.get(k) ?? 0) + [...l.text].length);
  }
  let best = 0;
  let most = -1;
  for (const [k, n] of chars) if (n > most) [best, most] = [k, n];
  return best;
}

/** Whitespace bands of `boxes` along one axis, widest first: [start, end] of each gap. */
function gaps(boxes: readonly Run[], lo: (r: Run) => number, hi: (r: Run) => number): [number, number][] {
  const spans = boxes.map((b) => [lo(b), hi(b)] as const).sort((p, q) => p[0] - q[0]);
  const out: [number, number][] = [];
  let end = spans[0]?.[1] ?? 0;
  for (const [s, e] of spans.slice(1)) {
    if (s > end) out.push([end, s]);
    end = Math.max(end, e);
  }
  return out.sort((p, q) => q[1] - q[0] - (p[1] - p[0]));
}

/** Blocks of lines in reading order (recursive XY-cut, stacked bands before columns). */
function readingOrder(lines: readonly Run[], em: number): Run[][] {
  if (lines.length <= 1) return lines.length === 0 ? [] : [[...lines]];
  const across = gaps(
    lines,
    (r) => r.top,
    (r) => r.bottom,
  ).find(([s, e]) => e - s >= em);
  const down = gaps(
    lines,
    (r) => r.x0,
    (r) => r.x1,
  ).find(([s, e]) => e - s >= 0.9 * em);
  // Which side of the cut a line is on: above a band, or left of a gutter.
  const first = across
    ? (l: Run) => l.bottom <= (across[0] + across[1]) / 2
    : down
      ? (l: Run) => l.x1 <= (down[0] + down[1]) / 2
      : null;
  if (first === null) return [[...lines].sort((p, q) => p.bottom - q.bottom || p.x0 - q.x0)];
  return [
    ...readingOrder(lines.filter(first), em),
    ...readingOrder(
      lines.filter((l) => !first(l)),
      em,
    ),
  ];
}

const box = (rs: readonly Run[]) => ({
  x0: Math.min(...rs.map((r) => r.x0)),
  x1: Math.max(...rs.map((r) => r.x1)),
  top: Math.min(...rs.map((r) => r.top)),
});

/**
 * Small type set close together (a wrapped photo caption and the credit under it) as one line each
 * block: lines less than 0.8 of their size apart (leading up to 1.8), one over the other. Lines further
 * apart stay apart (the page header).
 */
function smallBlocks(small: readonly Run[]): Run[] {
  const out: Run[] = [];
  for (const l of [...small].sort((p, q) => p.top - q.top || p.x0 - q.x0)) {
    const last = out.at(-1);
    if (last !== undefined && l.top - last.bottom < 0.8 * l.size && l.x0 < last.x1 && l.x1 > last.x0)
      out[out.length - 1] = {
        ...last,
        text: last.text + l.text,
        x0: Math.min(last.x0, l.x0),
        x1: Math.max(last.x1, l.x1),
        bottom: l.bottom,
      };
    else out.push({ ...l });
  }
  return out;
}

/** One page laid out as the newspaper reader takes it, and the date its header prints. */
function layOut(runs: readonly Run[]): { articles: LaidOutArticle[]; spare: string[]; date?: string } {
  const lines = linesOf(runs);
  const em = bodySize(lines);
  const body = lines.filter((l) => l.size < HEADLINE_RATIO * em && l.size >= SMALL_RATIO * em);
  const heads = lines.filter((l) => l.size >= HEADLINE_RATIO * em);
  const small = lines.filter((l) => l.size < SMALL_RATIO * em);
  const blocks = readingOrder(body, em).map((ls) => ({ lines: ls, box: box(ls), head: [] as Run[] }));
  const spare: Run[] = smallBlocks(small);
  for (const h of heads) {
    // The first block in reading order among those right below the headline and under its span.
    const below = blocks.filter(
      (b) => b.box.top >= h.bottom - 0.5 * em && b.box.x0 < h.x1 && b.box.x1 > h.x0,
    );
    const nearest = Math.min(...below.map((b) => b.box.top));
    const target = below.find((b) => b.box.top <= nearest + 2 * em);
    if (target) target.head.push(h);
    else spare.push(h);
  }
  const articles: LaidOutArticle[] = [];
  for (const b of blocks) {
    const text = b.lines.map((l) => l.text);
    const last = articles.at(-1);
    if (b.head.length > 0 || last === undefined) {
      const head = [...b.head].sort((p, q) => p.top - q.top).map((h) => h.text);
      articles.push({ headline: head, lines: text });
    } else last.lines.push(...text);
  }
  const dates = new Set(
    small
      .flatMap((l) =>
        [...cleanText(l.text).matchAll(/\d{4}年\d{1,2}月\d{1,2}日/gu)].map((m) => normalizeDate(m[0])),
      )
      .filter((d): d is string => d !== undefined),
  );
  const date = dates.size === 1 ? [...dates][0] : undefined;
  return { articles, spare: spare.map((l) => l.text), ...(date ? { date } : {}) };
}

/**
 * Reads an e-paper PDF's articles. Ids are `<stem>-<n>` on a one-page PDF and `<stem>-p<page>-<n>`
 * on longer ones. A PDF without a text layer (a scan) gives no articles and a problem saying so.
 */
export async function readPdf(
  bytes: Uint8Array,
  path: string,
  stem: string,
): Promise<{ articles: Article[]; problems: CorpusProblem[] }> {
  const task = getDocument({ data: new Uint8Array(bytes), ...PDFJS_DATA });
  let pdf: PDFDocumentProxy;
  try {
    pdf = await task.promise;
  } catch (e) {
    await task.destroy();
    return { articles: [], problems: [{ path, message: `not a readable PDF: ${(e as Error).message}` }] };
  }
  const articles: Article[] = [];
  const problems: CorpusProblem[] = [];
  let anyText = false;
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const runs = await pageRuns(pdf, n);
      if (runs.length === 0) continue;
      anyText = true;
      const page = layOut(runs);
      const prefix = pdf.numPages === 1 ? stem : `${stem}-p${n}`;
      const parsed = parseLaidOutPage(page, path, prefix);
      for (const a of parsed.articles) if (page.date && a.date === undefined) a.date = page.date;
      articles.push(...parsed.articles);
      const where = pdf.numPages === 1 ? "" : `page ${n}: `;
      problems.push(...parsed.problems.map((p) => ({ ...p, message: `${where}${p.message}` })));
    }
  } finally {
    await task.destroy();
  }
  if (!anyText)
    return {
      articles: [],
      problems: [
        {
          path,
          message:
            "PDF has no text layer (a scanned page): save its pages as .png or .jpg to read them with tesseract, or use the e-paper's text PDF",
        },
      ],
    };
  return { articles, problems };
}
