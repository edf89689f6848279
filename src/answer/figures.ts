import { splitSentences } from "../corpus/sentences.js";
import { findZones, zoneAliases } from "../corpus/zones.js";
import type { ArticleSummary, Passage } from "../index/types.js";
import { dateKey } from "./date-key.js";
import { findNumbers } from "./evidence.js";
import { GOAL, indicatorOf, LEADING_VERB } from "./indicators.js";
import type { ZoneFigure } from "./types.js";

/**
 * A zone's key figures as table rows — what is measured, the value with its unit, the period, the
 * source — from the sentences of its articles that state a measured quantity of the zone: a number
 * with a unit right after its subject (`复工率94%`, `工业投资……增速达40.7%`). Members of a list
 * (`等10家高新区`), places (`在郴州市11个县市区`), durations, dates and product names (`5G`) are not
 * figures; nor is anything but an indicator a person following the zone looks for (output,
 * investment, growth, revenue, firms, jobs, projects, funds: indicators.ts), nor a goal. Rows come
 * newest article first, and within an article by how central they are to it (see {@link CENTRALITY}).
 */

/** Units of time spans and dates (`3年内`, `6月8日`): when, not how much. `G` is the `5G` of product names. */
const NOT_MEASURES = /^(?:年|个月|月|日|天|小时|分钟|秒|届|期|G|号)$/;

/** Clause breaks inside a sentence: a figure's subject is in its own clause or the one before. */
const CLAUSE = /[，,；;：:]/;

/**
 * When a figure holds: `1-4月`, `截至5月31日`, `今年以来`, `2019年`, `目前`. Not `近期`: in news it
 * is as often "near-term" (`近期5万辆、远期10万辆`) as "recently", and a row must not invent a time.
 */
export const PERIOD =
  /截至(?:今年|去年|\d{4}年)?(?:\d{1,2}月(?:\d{1,2}日|底|末)?|目前)|(?:\d{4}年)?\d{1,2}[-－—~～至到]\d{1,2}月(?:份)?|(?:\d{4}年|今年|去年)?(?:上半年|下半年|前三季度|[一二三四]季度|\d{1,2}月(?:份|底|末)?)|\d{4}年(?:底|末)?|今年(?:以来)?|去年|目前|当前/;

/** Leading words of a clause that are not the subject: time, attribution, connectives. */
const LEAD =
  /^(?:据统计|据了解|据悉|数据显示|其中|同时|此外|另外|目前|当前|截至目前|今年以来|今年|去年|全年|累计|共|已|已经|先后|预计|计划|将|还)+/;

/** Words between a subject and its number: `达`, `为`, `突破` … */
const LINK =
  /(?:达到|达|为|是|约|近|逾|超过|超|突破|不到|不足|共计|共有|共|累计|均|分别|各|实现|增长至|增至|同比增长|同比|的|了|有)+$/;

/** A measure word opening a clause, which attaches to the topic before it. */
const MEASURE_WORD = /^(?:增速|增幅|增长率|占比|比重)/;

/** Words saying a value is approximate or a bound, kept with it (`近30亿元`). */
const QUALIFIER = /(?:不超过|近|约|逾|超过|超|突破|不到|不足)$/;

/** Verbs whose count is of the thing after the number. */
const ACTION = /(?:召开|配备|设立|发放|开工|建成|引进|新建|建立|输送|举办|签约|落户|培育|招聘|捐款)$/;

/** Units that count things (`50个职工家庭`): the thing counted may follow the number. */
const COUNT_UNIT = /^(?:个|家|名|位|人|项|户|批|座|所|条|只|台|辆|套)$/;

/**
 * A label that points back at something said before (`该公司`, `这样的储罐`): on its own, it says
 * nothing; nor does one firm's own structure (`直接控股子公司`), which is not the zone's.
 */
const DEICTIC = /这|那|该|其|子公司|分公司|控股/;

/** A rate with nothing before it, which belongs to the last thing counted (`续建项目88个，开工率100%`). */
const BARE_RATE = /^(?:开工|复工|复产|达产|投产|签约|履约|到位|就业)?率$/;

/** Growth with nothing before it, which belongs to the amount before it. */
const BARE_GROWTH = /^(?:同比增长|同比|增长|增速|增幅)$/;

/** Goal words left on a counted subject (`计划新建项目` → `新建项目`), for the rate that follows it. */
const GOAL_WORDS = new RegExp(`^(?:${GOAL.source})+`);

/** A subject that is only a measure word, which takes the clause before it as its topic (`工业投资加速，增速达40.7%`). */
const BARE_MEASURE = /^(?:增速|增幅|增长率?|占比|比重|总额|总量|规模|同比增长|开工率)?$/;

/** Verbs of trend that end a topic clause (`工业投资加速`, `民间投资活跃`). */
const TREND = /(?:加速|加快|活跃|回升|向好|增长|提升|上升|下降|回落|稳定)$/;

/** A subject ending so is a list or an open phrase, not the thing measured (`等10家`, `和3个`). */
const OPEN_END = /[等及和与或在从向对给被把将到、不]$/;

const cjk = (s: string) => (s.match(/[\u4e00-\u9fff]/g) ?? []).length;

/**
 * Weights of a figure's centrality to its article, each a 0–1 feature. The headline stating the value
 * is the strongest sign a figure is the article's point (`工业投资增40.7%`); then the subject sharing
 * the headline's words, the subject's words recurring through the article (`复工` in an article about
 * resuming work), the sentence naming the zone, and an early place in the article (the lede).
 */
export const CENTRALITY = {
  valueInHeadline: 3,
  subjectInHeadline: 1,
  subjectInArticle: 1.5,
  namesZone: 1,
  early: 1,
} as const;

function strip(subject: string, zoneNames: readonly string[]): string {
  let s = subject.trim();
  for (const z of zoneNames) if (z !== "" && s.startsWith(z)) s = s.slice(z.length);
  s = s.replace(PERIOD, (m, i: number) => (i === 0 ? "" : m)).replace(LEAD, "");
  s = s.replace(/^[的在于]/, "").replace(LINK, "");
  return s.replace(/[“”"「」（(）)]/g, "").trim();
}

/** Share of the subject's character bigrams that `holds` accepts. */
function bigramShare(subject: string, holds: (bigram: string) => boolean): number {
  let n = 0;
  let hit = 0;
  for (let i = 0; i + 2 <= subject.length; i++) {
    n++;
    if (holds(subject.slice(i, i + 2))) hit++;
  }
  return n === 0 ? 0 : hit / n;
}

/** One candidate row before it is numbered: its centrality, its article's place and date for the order. */
type FigureRow = Omit<ZoneFigure, "n"> & { score: number; order: number; dateKey: string | null };

/**
 * The figures one sentence states, each with its subject; `zoneNames` are the ways the zone is
 * written (stripped from subjects: the table is about that zone already).
 */
export function sentenceFigures(sentence: string, zoneNames: readonly string[]): SentenceFigure[] {
  const clauses = sentence.replace(/[。！？!?]+$/, "").split(CLAUSE);
  const period = sentence.match(PERIOD)?.[0] ?? null;
  const out: SentenceFigure[] = [];
  let topic = "";
  // The last thing counted in the sentence (`续建项目88个`): the subject of a bare rate after it
  // (`开工率100%` → `续建项目开工率`).
  let counted = "";
  // The last amount of money stated (`规模以上工业总产值达1200亿元`): what a bare `同比增长` after it grew.
  let amount = "";
  for (const clause of clauses) {
    const numbers = findNumbers(clause).filter((n) => /^\d/.test(n.text) && n.unit !== "");
    if (numbers.length === 0) {
      // A clause without a number may name the topic the next clause measures (`民间投资活跃，增速转负为正，达32%`).
      const t = strip(clause, zoneNames);
      const word = t.match(MEASURE_WORD)?.[0];
      if (word !== undefined && topic !== "") topic += word;
      else {
        const bare = t.replace(TREND, "");
        topic = cjk(bare) >= 2 && bare.length <= 12 && !/[、，]/.test(bare) ? bare : "";
      }
      continue;
    }
    let from = 0;
    for (const [i, n] of numbers.entries()) {
      const end = n.index + n.text.length;
      const unit = n.unit.replace(/^[万亿千百]+/, "");
      // A number glued to letters is a name or a code (`5G`, `DPF2`): part of the subject, not a value.
      if (/[A-Za-z]/.test(clause.charAt(end)) || /^[A-Za-z]+$/.test(unit)) continue;
      // The subject is what stands between the previous number of the clause and this one.
      let raw = clause.slice(from, n.index);
      const afterTime = from > 0 && NOT_MEASURES.test(numbers[i - 1]?.unit ?? "");
      from = end;
      if (NOT_MEASURES.test(unit)) continue;
      if (afterTime) raw = raw.replace(/^[内后前中起以来]+/, "");
      if (/[A-Za-z0-9.\-－—~～]$/.test(raw) || OPEN_END.test(raw.trim())) continue;
      const goal = GOAL.test(raw);
      const qualifier = raw.match(QUALIFIER)?.[0] ?? "";
      let measure = strip(raw.slice(0, raw.length - qualifier.length), zoneNames);
      // A list or a place is not a subject (`协调、整合……现有24家`, `在郴州市11个县市区`).
      if (/[、]/.test(measure) || /[在从向对于][^的]{0,4}$/.test(measure)) continue;
      if (BARE_MEASURE.test(measure) && topic !== "") measure = `${topic}${measure}`;
      else if (BARE_RATE.test(measure) && counted !== "") measure = `${counted}${measure}`;
      // Growth right after an amount is that amount's (`总产值达1200亿元，同比增长12.5%` → `总产值增速`).
      // (The link words strip `同比增长` off entirely: then the raw subject tells.)
      else if (
        amount !== "" &&
        /^%|％$/.test(unit) &&
        (BARE_GROWTH.test(measure) || (measure === "" && /增长|增速|增幅/.test(raw)))
      )
        measure = `${amount}增速`;
      const next = numbers[i + 1]?.index ?? clause.length;
      const after = clause.slice(end, next).replace(/[“”"「」]/g, "");
      // A bare verb counts what follows it (`召开17次党委会扩大会议`).
      if (cjk(measure) <= 2 || ACTION.test(measure)) {
        const object = after.match(/^[\u4e00-\u9fff]{2,12}/)?.[0];
        if (object !== undefined && !/^(?:以上|左右|以内)/.test(object)) measure += object;
      } else {
        // A value that qualifies what follows it (`总投资150亿元的济宁市智能终端制造产业园项目`).
        const owner = /^的([\u4e00-\u9fff]{2,18}?(?:项目|园区|产业园|基地|工程|基金))/.exec(after)?.[1];
        if (owner !== undefined) measure = `${owner}${measure.replace(LEADING_VERB, "")}`;
        // A count is of the noun right after it (`来自辖区企业50个职工家庭`), not of the words before.
        else if (
          COUNT_UNIT.test(unit) &&
          /^[\u4e00-\u9fff]{2}/.test(after) &&
          !/^(?:以上|左右|以内|之多)/.test(after)
        )
          continue;
      }
      if (cjk(measure) < 2 || measure.length > 24) continue;
      out.push({ measure, value: `${qualifier}${n.text}`, period, unit: n.unit, goal });
      if (/元$/.test(unit)) amount = measure.replace(LEADING_VERB, "");
      // Projects come as new and continuing ones, each with its own rate (`新建项目…开工率`).
      if (/^(?:个|项)$/.test(unit) && /项目$/.test(measure)) counted = measure.replace(GOAL_WORDS, "");
    }
    topic = "";
  }
  // One label for two values of a sentence (`531家高新技术企业复工526家`) says neither: none rather than a guess.
  const labels = out.map((f) => f.measure);
  return out.filter((f) => labels.indexOf(f.measure) === labels.lastIndexOf(f.measure));
}

/** One figure a sentence states, before it is checked against the indicators a zone's follower wants. */
export interface SentenceFigure {
  measure: string;
  /** The number as written, with its qualifier (`近30亿元`). */
  value: string;
  period: string | null;
  /** The value's unit with its magnitude (`亿元`, `%`, `个`). */
  unit: string;
  /** Stated as a goal (`力争`, `计划`, `目标`), not as a result. */
  goal: boolean;
}

/**
 * A figure's label as the table shows it, naming what is measured: without an opening verb of doing
 * (`设立市场化基金` → `市场化基金`, `加快总投资` → `总投资`), a pointer back (`此次`), or the examples
 * before `等` (`鹰游纺机等智改数转项目` → `智改数转项目`).
 */
export function figureLabel(measure: string): string {
  let bare = measure.replace(/^(?:此次|本次|份)/, "").replace(LEADING_VERB, "");
  const examples = bare.lastIndexOf("等");
  if (examples >= 0 && cjk(bare.slice(examples + 1)) >= 2) bare = bare.slice(examples + 1);
  return cjk(bare) >= 2 ? bare : measure;
}

/**
 * A zone's key figures from its articles, at most `max`: only indicators a person following the
 * zone looks for (see indicators.ts), only results (not goals), and none rather than noise. Newest
 * article first; within an article, most central first; a figure stated twice (same label and
 * value) is kept once. Figures from one passage share its source number `n`, so each passage has one button. The
 * same passages and sentence splitting as answers use.
 */
export function zoneFigures(
  zone: string,
  articles: readonly ArticleSummary[],
  passageById: (id: string) => Passage | undefined,
  max = 8,
): ZoneFigure[] {
  const short = zone.replace(/高新区$/, "");
  const names = [`${short}市高新区`, zone, `${short}高新技术产业开发区`, ...zoneAliases(zone)];
  const rows: FigureRow[] = [];
  for (const [order, a] of articles.entries()) {
    if (!a.zones.includes(zone)) continue;
    const sentences = a.passageIds.flatMap((pid) => {
      const p = passageById(pid);
      return p === undefined ? [] : splitSentences(p.text).map((text) => ({ p, text }));
    });
    // Bigrams in two or more sentences of the article: its recurring subjects.
    const seenIn = new Map<string, number>();
    for (const { text } of sentences) {
      const grams = new Set<string>();
      for (let i = 0; i + 2 <= text.length; i++) grams.add(text.slice(i, i + 2));
      for (const g of grams) seenIn.set(g, (seenIn.get(g) ?? 0) + 1);
    }
    const recurring = (g: string) => (seenIn.get(g) ?? 0) >= 3;
    // News names a zone in passing: a sentence speaks of the zone when it names it (`光谷` too), or
    // when the article's headline does.
    // The zone, not its city: `苏州` alone is the city (`南京大学苏州校区`), `苏州高新区` the zone.
    const speaksOf = (text: string) => text.includes(zone) || findZones(text).includes(zone);
    const headlineNamesZone = speaksOf(a.title);
    for (const [i, { p, text }] of sentences.entries()) {
      const namesZone = speaksOf(text);
      if (!namesZone && !headlineNamesZone) continue;
      for (const f of sentenceFigures(text, names)) {
        const measure = figureLabel(f.measure);
        if (f.goal || DEICTIC.test(measure) || indicatorOf(measure, f.unit) === null) continue;
        const score =
          CENTRALITY.valueInHeadline * (a.title.includes(f.value) ? 1 : 0) +
          CENTRALITY.subjectInHeadline * bigramShare(measure, (g) => a.title.includes(g)) +
          CENTRALITY.subjectInArticle * bigramShare(measure, recurring) +
          CENTRALITY.namesZone * (namesZone ? 1 : 0) +
          CENTRALITY.early * (1 - i / Math.max(1, sentences.length));
        rows.push({
          measure,
          value: f.value,
          period: f.period,
          score,
          order,
          dateKey: dateKey(a.date),
          passageId: p.id,
          articleId: p.articleId,
          title: p.title,
          zones: p.zones,
          quote: text,
          source: p.source,
          ...(a.date !== undefined ? { date: a.date } : {}),
          ...(a.url !== undefined ? { url: a.url } : {}),
        });
      }
    }
  }
  const seen = new Set<string>();
  const kept = rows
    .sort(
      (x, y) =>
        newer(x, y) ||
        // The same date: the later article in the corpus first, then the more central figure.
        y.order - x.order ||
        y.score - x.score,
    )
    .filter((r) => {
      // The same figure in two articles (a story run twice, or restated) is one row: the newest.
      const key = `${r.measure}|${r.value}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, max);
  const sourceOf = new Map<string, number>();
  for (const r of kept) if (!sourceOf.has(r.passageId)) sourceOf.set(r.passageId, sourceOf.size + 1);
  return kept.map(({ score: _score, order: _order, dateKey: _key, ...r }) => ({
    n: sourceOf.get(r.passageId) ?? 0,
    ...r,
  }));
}

/** Orders rows by their article's date, newest first; undated after dated. */
function newer(x: { dateKey: string | null }, y: { dateKey: string | null }): number {
  if (x.dateKey === y.dateKey) return 0;
  if (x.dateKey === null) return 1;
  if (y.dateKey === null) return -1;
  return x.dateKey < y.dateKey ? 1 : -1;
}
