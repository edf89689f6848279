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
 *   caption above them are dropped; the rest are headline lines. Consecutive lines are grouped into
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
 * Longer than the usual file: every rule works on the same line model and shares the headline
 * search, which split across files would each have to export.
 */
import { makeArticle, type ParsedFile, titleFromBody } from "./article.js";
import { cleanText, endsSentence, joinLines, lineWidth } from "./text.js";
import type { Article, CorpusProblem, Paragraph } from "./types.js";
import { findZones, getJieba, zoneCounts } from "./zones.js";

/** One non-empty input line. */
interface Line {
  raw: string;
  text: string;
  width: number;
  /** 1-based line number in the file, counting blank lines. */
  no: number;
}

interface Body {
  lines: Line[];
  byline: string | null;
}

function toLine(raw: string, no: number): Line {
  const text = cleanText(raw);
  return { raw: raw.trim(), text, width: lineWidth(text), no };
}

// --- bylines ---------------------------------------------------------------------------------

const SURNAMES = new Set([
  ..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝戈",
]);
const COMPOUND_SURNAMES = [
  "欧阳",
  "司马",
  "诸葛",
  "上官",
  "东方",
  "皇甫",
  "尉迟",
  "公孙",
  "慕容",
  "令狐",
  "司徒",
  "夏侯",
];
const REPORTER_LABEL = /^(?:本报)?(?:记者|通讯员|实习生|特约记者)/u;

/** A Chinese personal name as bylines print it: a surname and one or two given-name characters. */
function isName(tok: string): boolean {
  if (!/^\p{Script=Han}{2,4}$/u.test(tok)) return false;
  if (COMPOUND_SURNAMES.some((s) => tok.startsWith(s))) return tok.length >= 3;
  return SURNAMES.has(tok[0] ?? "") && tok.length <= 3;
}

/** Names on a byline-only line (`黄鹏飞 曾凯然 戈清平`, `记者 张三`), or null. */
function bylineOnly(raw: string, nextStartsArticle: boolean): string | null {
  const toks = raw
    .trim()
    .split(/\s+/u)
    .map((t) => t.replace(REPORTER_LABEL, ""))
    .filter((t) => t !== "");
  if (toks.length === 0 || toks.length > 6 || !toks.every(isName)) return null;
  // One short name alone could be a two- or three-character subhead (`高质量`): believe it only
  // where an article has to end anyway, or when the segmenter reads it as a person's name.
  if (toks.length === 1 && !nextStartsArticle) {
    const tags = getJieba().tag(toks[0] ?? "", true);
    if (tags.length !== 1 || !/^nr/.test(tags[0]?.tag ?? "")) return null;
  }
  return toks.join(" ");
}

const TRAILING_BYLINE = /^(.*(?:[。！？!?]|…)[”’」』）)]*)\s+((?:\p{Script=Han}{2,4}\s*){1,6})$/u;

/** A byline printed after the last sentence on the same line (`占比99%。 宋显晖`). */
function trailingByline(raw: string): { rest: string; byline: string } | null {
  const m = TRAILING_BYLINE.exec(raw.trim());
  if (!m) return null;
  const names = (m[2] ?? "").trim().split(/\s+/u);
  if (!names.every(isName)) return null;
  return { rest: m[1] ?? "", byline: names.join(" ") };
}

const HEADER = /^\s*本报讯\s*(?:[（(]([^）)]{1,40})[）)])?\s*/u;

/** Removes a `本报讯 （记者 叶伟）` header from the start of a body; returns the names it gives. */
function stripHeader(lines: Line[]): { lines: Line[]; byline: string | null } {
  const joined = lines
    .slice(0, 3)
    .map((l) => l.raw)
    .join("\n");
  const m = HEADER.exec(joined);
  if (!m) return { lines, byline: null };
  let names: string[] = [];
  if (m[1] !== undefined) {
    names = m[1]
      .replace(/(?:本报)?(?:特约)?(?:记者|通讯员|实习生)/gu, " ")
      .split(/[\s、，,]+/u)
      .filter(isName);
  }
  // Cut the header's characters off the lines it spans; the newlines count one each.
  let cut = m[0].length;
  const out = [...lines];
  while (cut > 0 && out.length > 0) {
    const first = out[0] as Line;
    if (cut >= first.raw.length) {
      cut -= first.raw.length + 1;
      out.shift();
    } else {
      out[0] = toLine(first.raw.slice(cut), first.no);
      cut = 0;
    }
  }
  return { lines: out, byline: names.length > 0 ? names.join(" ") : null };
}

// --- credits and captions ------------------------------------------------------------------------

const CREDIT = /(?:图片来源|图片提供|图片|供图|摄影|照片)\s*[:：]|\s\p{Script=Han}{2,8}\s*(?:供图|摄)\s*$/u;

/** Index where a photo credit starts in `raw`, or -1. */
function creditAt(raw: string): number {
  const m = CREDIT.exec(raw);
  return m ? m.index : -1;
}

// --- layout measures -----------------------------------------------------------------------------

/** Typical full-line width: the median width of lines broken mid-sentence. */
function columnWidth(lines: readonly Line[]): number {
  const ws = lines
    .filter((l) => !endsSentence(l.text) && l.width >= 4)
    .map((l) => l.width)
    .sort((a, b) => a - b);
  return ws[Math.floor(ws.length / 2)] ?? 0;
}

/** Column layout: most lines are broken mid-sentence, and the lines are narrow. */
function isColumned(lines: readonly Line[], col: number): boolean {
  const broken = lines.filter((l) => !endsSentence(l.text)).length;
  return lines.length >= 4 && broken / lines.length >= 0.5 && col > 0 && col <= 40;
}

// Characters a Chinese phrase cannot end with: a line ending in one runs on.
const RUNS_ON = new Set([
  ..."的是在和与及将为对把被从向于以等或而并了着地得之其所最更很也都就还又这那各每该个位名家",
]);

/** True when a word of the text is split between the end of `a` and the start of `b` (`党|委`). */
function wordAcross(a: string, b: string): boolean {
  const left = [...a].slice(-4).join("");
  const right = [...b].slice(0, 4).join("");
  if (!/\p{Script=Han}$/u.test(left) || !/^\p{Script=Han}/u.test(right)) return false;
  let pos = 0;
  for (const tok of getJieba().cut(left + right, false)) {
    const end = pos + tok.length;
    if (pos < left.length && end > left.length) return true;
    pos = end;
  }
  return false;
}

const CLAUSE_PUNCT = /[，。；：！？,;:!?]/u;

/** A line that reads like a title: short, no clause punctuation, not running on into `next`. */
function titleLike(line: Line, next: Line | undefined, maxWidth: number): boolean {
  if (line.width < 2 || line.width > maxWidth || CLAUSE_PUNCT.test(line.text)) return false;
  if (RUNS_ON.has(line.text.at(-1) ?? "")) return false;
  return next === undefined || !wordAcross(line.text, next.text);
}

// --- paragraphs ----------------------------------------------------------------------------------

/** Splits one body into paragraphs under their subheads (see the module comment for the rules). */
function paragraphsOf(lines: readonly Line[], col: number, columned: boolean): Paragraph[] {
  const out: Paragraph[] = [];
  let section: string | null = null;
  let buf: Line[] = [];
  const flush = () => {
    const text = cleanText(joinLines(buf.map((l) => l.raw)));
    if (text !== "") out.push({ section, text });
    buf = [];
  };
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    const next = lines[i + 1];
    const subhead =
      prev !== undefined &&
      next !== undefined &&
      endsSentence(prev.text) &&
      titleLike(line, columned ? next : undefined, columned ? col - 3 : 25);
    if (subhead) {
      flush();
      section = line.text;
      return;
    }
    buf.push(line);
    if (endsSentence(line.text) && (!columned || line.width <= col - 1)) flush();
  });
  flush();
  return out;
}

// --- headlines -----------------------------------------------------------------------------------

/** Headline text from its lines: words a space apart on one line (`总投资166亿元 西安高新区…`) keep it. */
function headlineText(lines: readonly Line[]): string {
  const perLine = lines.map((l) => {
    const parts = l.raw
      .split(/\s+/u)
      .map(cleanText)
      .filter((p) => p !== "");
    let s = parts[0] ?? "";
    for (const p of parts.slice(1)) {
      // A kicker and a main title are phrases; a single stray character is a broken word.
      const phrase = [...(s.split(" ").at(-1) ?? "")].length >= 4 && [...p].length >= 4;
      s += (phrase ? " " : "") + p;
    }
    return s;
  });
  return joinLines(perLine);
}

interface Features {
  grams: Set<string>;
  nums: Set<string>;
  zones: string[];
}

function features(text: string): Features {
  const grams = new Set<string>();
  const cs = [...text];
  for (let i = 0; i + 1 < cs.length; i++) {
    const g = `${cs[i]}${cs[i + 1]}`;
    if (/^\p{Script=Han}{2}$/u.test(g)) grams.add(g);
  }
  const nums = new Set<string>();
  for (const m of text.matchAll(/\d+(?:\.\d+)?%?/g)) {
    nums.add(m[0]);
    nums.add(m[0].replace(/%$/, ""));
  }
  return { grams, nums, zones: findZones(text) };
}

/** Scores how well each headline fits each body: rare shared bigrams, shared figures, zones. */
function scorer(bodyTexts: readonly string[]): (headline: string, body: number) => number {
  const bodies = bodyTexts.map(features);
  const topZone = bodyTexts.map((t) => zoneCounts(t)[0]?.zone);
  const n = bodies.length;
  const idf = (has: (b: Features) => boolean) => {
    const df = bodies.filter(has).length;
    return df === 0 ? 0 : Math.log(n / df);
  };
  const cache = new Map<string, number[]>();
  return (headline, bi) => {
    let row = cache.get(headline);
    if (!row) {
      const h = features(headline);
      row = bodies.map((b, j) => {
        let s = 0;
        for (const g of h.grams) if (b.grams.has(g)) s += idf((x) => x.grams.has(g));
        for (const num of h.nums) if (b.nums.has(num)) s += 2 * idf((x) => x.nums.has(num));
        for (const z of h.zones) s += b.zones.includes(z) ? 3 + (topZone[j] === z ? 2 : 0) : -3;
        return s;
      });
      cache.set(headline, row);
    }
    return row[bi] ?? 0;
  };
}

// A headline shares a zone or several rare words with its own body (scores of 10 and more on real
// pages) and next to nothing with the others (below 3): a pair scoring under this is no match.
const MIN_MATCH = 4;
// Joining two lines into one headline must buy more than this, so stray lines stay apart.
const MERGE_COST = 1;

interface Assignment {
  total: number;
  /** Body index for each group, or -1 for a group that fits no body. */
  to: number[];
}

/**
 * Best one-to-one assignment of groups to bodies, counting only the part of each pair's score above
 * MIN_MATCH; a group may stay unassigned. Exact (dynamic programming over sets of taken bodies) up to
 * 16 bodies, greedy beyond that, far more than a printed page holds.
 */
function assign(
  groups: readonly string[],
  nBodies: number,
  score: (h: string, b: number) => number,
): Assignment {
  const gain = (g: string, b: number) => Math.max(0, score(g, b) - MIN_MATCH);
  if (nBodies > 16) {
    const pairs = groups.flatMap((g, gi) =>
      Array.from({ length: nBodies }, (_, b) => ({ gi, b, s: gain(g, b) })),
    );
    pairs.sort((x, y) => y.s - x.s);
    const to = new Array<number>(groups.length).fill(-1);
    const used = new Set<number>();
    let total = 0;
    for (const p of pairs) {
      if (p.s <= 0 || to[p.gi] !== -1 || used.has(p.b)) continue;
      to[p.gi] = p.b;
      used.add(p.b);
      total += p.s;
    }
    return { total, to };
  }
  let dp = new Map<number, Assignment>([[0, { total: 0, to: [] }]]);
  for (const g of groups) {
    const next = new Map<number, Assignment>();
    const offer = (mask: number, a: Assignment) => {
      const cur = next.get(mask);
      if (!cur || a.total > cur.total) next.set(mask, a);
    };
    for (const [mask, st] of dp) {
      offer(mask, { total: st.total, to: [...st.to, -1] });
      for (let b = 0; b < nBodies; b++) {
        const w = gain(g, b);
        if (mask & (1 << b) || w <= 0) continue;
        offer(mask | (1 << b), { total: st.total + w, to: [...st.to, b] });
      }
    }
    dp = next;
  }
  let best: Assignment = { total: -1, to: [] };
  for (const st of dp.values()) if (st.total > best.total) best = st;
  return best;
}

/** Every way to cut `n` lines into runs of 1..maxSize consecutive joinable lines; yields run sizes. */
function* groupings(n: number, maxSize: number, joinable: (i: number) => boolean): Generator<number[]> {
  function* rec(start: number, acc: number[]): Generator<number[]> {
    if (start === n) {
      yield acc;
      return;
    }
    for (let s = 1; s <= maxSize && start + s <= n; s++) {
      if (s > 1 && !joinable(start + s - 2)) break;
      yield* rec(start + s, [...acc, s]);
    }
  }
  yield* rec(0, []);
}

// Three-line headlines exist (kicker, title, subtitle); longer runs are not one headline.
const MAX_HEADLINE_LINES = 3;
// Work budget for the search (groupings × assignment cost); a printed page needs a tiny fraction.
const SEARCH_BUDGET = 20_000_000;

/**
 * Headline lines for each body (null where none fits) and the lines that fit no body. Tries every
 * way of grouping consecutive lines into headlines, keeps the grouping and assignment with the
 * highest total score above MIN_MATCH less MERGE_COST a join.
 */
function matchHeadlines(
  frags: readonly Line[],
  bodyTexts: readonly string[],
): { heads: (Line[] | null)[]; unused: Line[] } {
  const nb = bodyTexts.length;
  const heads: (Line[] | null)[] = bodyTexts.map(() => null);
  if (frags.length === 0 || nb === 0) return { heads, unused: [...frags] };
  if (nb === 1 && frags.length <= MAX_HEADLINE_LINES) {
    // One body: nothing to compare against, and the whole block is its headline.
    heads[0] = [...frags];
    return { heads, unused: [] };
  }
  const score = scorer(bodyTexts);
  // Lines separated by a dropped caption or credit were never one headline.
  const joinable = (i: number) => (frags[i + 1]?.no ?? 0) - (frags[i]?.no ?? 0) <= 2;
  let best: { total: number; groups: Line[][]; to: number[] } | null = null;
  // Past the budget the search keeps the best grouping seen so far; groupings come fewest joins
  // first at the front of the block, so an oversized block may miss joins near its start.
  const maxGroupings = Math.max(100, Math.floor(SEARCH_BUDGET / (2 ** Math.min(nb, 16) * frags.length * nb)));
  let tried = 0;
  for (const sizes of groupings(frags.length, MAX_HEADLINE_LINES, joinable)) {
    if (++tried > maxGroupings) break;
    const groups: Line[][] = [];
    let at = 0;
    for (const n of sizes) {
      groups.push(frags.slice(at, at + n));
      at += n;
    }
    const a = assign(groups.map(headlineText), nb, score);
    const total = a.total - MERGE_COST * (frags.length - groups.length);
    if (!best || total > best.total) best = { total, groups, to: a.to };
  }
  const unused: Line[] = [];
  best?.groups.forEach((g, gi) => {
    const b = best.to[gi] ?? -1;
    if (b >= 0) heads[b] = g;
    else unused.push(...g);
  });
  return { heads, unused };
}

// --- the page ------------------------------------------------------------------------------------

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
  const tail = dropCaptions(lines.slice(end + 1), col, columned, bodies.length).kept;

  if (!columned || tail.length === 0 || bodies.length === 0) {
    const all = dropCaptions(lines, col, columned).kept;
    return { articles: [plainArticle(all, col, columned, source, `${idPrefix}-1`)], problems };
  }

  const paragraphs = bodies.map((b) => paragraphsOf(b.lines, col, columned));
  const { heads, unused } = matchHeadlines(tail, paragraphs.map(bodyText));
  for (const l of unused) {
    problems.push({ path: source, line: l.no, message: `headline line fits no article: ${l.text}` });
  }
  return { articles: articlesOf(bodies, heads, paragraphs, source, idPrefix, problems), problems };
}

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
  const spare = lines(page.spare);
  const all = blocks.flatMap((b) => b.body);
  if (all.length === 0) return { articles: [], problems: [] };
  const col = columnWidth(all);
  const columned = isColumned(all, col);
  const bodies: Body[] = [];
  const heads: (Line[] | null)[] = [];
  for (const b of blocks) {
    splitBodies(dropCaptions(b.body, col, columned).kept).forEach((body, i) => {
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
  const problems: CorpusProblem[] = [];
  const articles = articlesOf(bodies, heads, paragraphs, source, idPrefix, problems);
  // Line numbers of a laid-out page mean nothing to a person; the caller names the page instead.
  return { articles, problems: problems.map(({ line: _, ...p }) => p) };
}
