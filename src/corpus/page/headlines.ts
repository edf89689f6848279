/**
 * Matching a page's headline block to its bodies by content — shared zone names, figures and rare
 * character bigrams — over every way of grouping the block's lines into headlines of one to three
 * lines, with the one-to-one assignment of highest total score (see ../newspaper.ts).
 */
import { findZones, zoneCounts } from "../zones.js";
import { headlineText } from "./layout.js";
import type { Line } from "./lines.js";

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

/**
 * The body each photo caption belongs to (its credit included: `图片来源：兰州高新区` names the zone), by
 * the headline score, or null when no body clears the headline's minimum or two tie.
 */
export function captionBodies(captions: readonly string[], bodyTexts: readonly string[]): (number | null)[] {
  if (bodyTexts.length === 0) return captions.map(() => null);
  const score = scorer(bodyTexts);
  return captions.map((caption) => {
    const scores = bodyTexts.map((_, i) => score(caption, i));
    const best = Math.max(...scores);
    const at = scores.indexOf(best);
    return best < MIN_MATCH || scores.lastIndexOf(best) !== at ? null : at;
  });
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
export function matchHeadlines(
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
