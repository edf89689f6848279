/**
 * Question analysis: the question's weighted words, the words next to the question word, its
 * character bigrams, the cues and measure word it implies. Pure given the index's text tools.
 */
import { CN_DIGITS } from "./evidence.js";
import { NOT_WORD_CHAR, type TextTools } from "./passage.js";
import { ASKING, CHANGE_CUES, CUES, QUESTION_PHRASE, QUESTION_WORD } from "./question-words.js";

/** A question word and its weight (idf × a length factor). */
export interface Term {
  word: string;
  weight: number;
  /** Other words that state it in a report (an everyday phrase's terms, see `everyday.ts`). */
  alts?: readonly string[];
}

/** Whether a text states a question word, as itself or as one of its other words. */
export function stated(text: string, t: { word: string; alts?: readonly string[] | undefined }): boolean {
  return text.includes(t.word) || (t.alts?.some((a) => text.includes(a)) ?? false);
}

/**
 * The weighted words of an already normalised question: idf-weighted jieba words, question words
 * out, sub-words of longer words dropped.
 */
export function questionTerms(
  normQuestion: string,
  tools: TextTools,
  alts?: ReadonlyMap<string, readonly string[]>,
): Term[] {
  // The question phrase goes before segmenting: `哪一年` would leave `一年`, `几个月` `个月`.
  const asked = normQuestion.replace(QUESTION_PHRASE, " ");
  const words = [...new Set(tools.words(asked).map((w) => tools.normalize(w)))].filter(
    (w) => w.length > 0 && !QUESTION_WORD.test(w),
  );
  // jieba sometimes glues a word to a neighbour's character (`山推营收` → `山`, `推营收`; `营收要` → `营`,
  // `收要`): a word no passage holds stands for the two-character words over it and its neighbours
  // that some passage does hold (`营收`).
  const known = tools.known;
  if (known !== undefined) {
    const qs = [...asked];
    for (const w of [...words]) {
      if (known(w)) continue;
      const at = [...asked.slice(0, Math.max(0, asked.indexOf(w)))].length;
      const len = [...w].length;
      const subs: string[] = [];
      // `提了`: a verb glued to its aspect particle is the verb.
      const stem = w.replace(/[了过着]$/u, "");
      if (stem !== w && stem.length > 0 && known(stem)) subs.push(stem);
      for (let j = Math.max(0, at - 1); j < at + len && j + 1 < qs.length; j++) {
        const sub = `${qs[j]}${qs[j + 1]}`;
        if (/^\p{Script=Han}{2}$/u.test(sub) && sub !== w && known(sub) && !subs.includes(sub))
          subs.push(sub);
        // `坝坝` of `坝坝会上`: the three characters a report holds as one word (`坝坝会`).
        const three = `${sub}${qs[j + 2] ?? ""}`;
        if (subs.length === 0 && /^\p{Script=Han}{3}$/u.test(three) && known(three)) subs.push(three);
      }
      if (subs.length > 0) words.splice(words.indexOf(w), 1, ...subs.filter((sub) => !words.includes(sub)));
      // `合唱了什么歌`: the one character after `什么` names the kind of thing asked for, which the answer
      // names (`《我们是共产主义接班人》`); where no passage holds it as a word it is no evidence either way.
      else if (len === 1 && new RegExp(`(?:什么|哪种|哪个)${w}`, "u").test(normQuestion))
        words.splice(words.indexOf(w), 1);
    }
  }
  // cutForSearch emits both 高新区 and 高新; weigh a covered sub-word only through its longer word.
  const kept = words.filter((w) => !words.some((o) => o !== w && o.length > w.length && o.includes(w)));
  return kept.map((word) => {
    const also = alts?.get(word);
    return {
      word,
      weight: tools.idf(word) * Math.min(1.5, 0.7 + 0.15 * [...word].length),
      ...(also !== undefined ? { alts: also } : {}),
    };
  });
}

/** The character bigrams of a text, letters and digits only. */
export function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  const chars = [...s.replace(NOT_WORD_CHAR, "")];
  for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
  return out;
}

/** How many characters may separate such a word from the question word (`的`, `是`, `了` …). */
const SLOT_GAP = 4;

/**
 * The question's words that stand right next to what it asks (`吴淞路闸桥起到了什么作用` → `起到`,
 * `作用`): the sentence that answers says them around the answer, while the rest of the question
 * often only restates the topic every sentence of the article shares.
 */
export function slotWords(normQuestion: string, terms: readonly Term[]): Set<string> {
  return new Set(terms.filter((t) => askingGap(normQuestion, t.word) <= SLOT_GAP).map((t) => t.word));
}

/**
 * How far (characters) a word of the question stands from its nearest question word (`建交` of
 * `中巴建交多少周年`: 0), or Infinity when it is not in the question or the question has no question word.
 */
export function askingGap(normQuestion: string, word: string): number {
  let gap = Number.POSITIVE_INFINITY;
  for (const m of normQuestion.matchAll(ASKING)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    for (let i = normQuestion.indexOf(word); i >= 0; i = normQuestion.indexOf(word, i + 1)) {
      const before = start - (i + word.length);
      const after = i - end;
      if (before >= 0) gap = Math.min(gap, before);
      if (after >= 0) gap = Math.min(gap, after);
    }
  }
  return gap;
}

/**
 * When a fact holds (`2023年7月末`, `6月份`, `上半年`, `二季度`, `年底`): words there frame the time, not
 * the answer's slot (`截至2023年7月末为多少` asks for the amount, not for a clause that says `6月末`).
 */
const TIME_PHRASE =
  /(?:\d{4}年)?(?:\d{1,2}[-－~～至到])?\d{1,2}月(?:份|末|底|初|中旬|上旬|下旬)?(?:\d{1,2}[日号])?|\d{4}年(?:[上下]半年|[一二三四1-4]季度|[底末初])?|[上下]半年|[一二三四1-4]季度|[年月][底末初]/gu;

/** The question's words that stand inside one of its time phrases (`月末` of `2023年7月末`). */
export function timeWords(normQuestion: string, terms: readonly Term[]): Set<string> {
  const spans = [...normQuestion.matchAll(TIME_PHRASE)].map(
    (m) => [m.index ?? 0, (m.index ?? 0) + m[0].length] as const,
  );
  const out = new Set<string>();
  for (const t of terms) {
    const i = normQuestion.indexOf(t.word);
    if (i >= 0 && spans.some(([a, b]) => i >= a && i + t.word.length <= b)) out.add(t.word);
  }
  return out;
}

/** The sentence cues of the why / alias patterns the question matches. */
export function questionCues(question: string): RegExp[] {
  return CUES.filter(([q]) => q.test(question)).map(([, cue]) => cue);
}

/**
 * For `多少旗`, `几盘`: a number counted with the question's own measure word (`四十九旗`, `一至五盘`),
 * whatever that word is — the list of units that numbers are read with cannot hold them all.
 */
export function countedBy(normQuestion: string): RegExp | null {
  const m = /(?:多少|几)(?!乎|何|时|年|月|日|天|岁)(\p{Script=Han})/u.exec(normQuestion);
  if (!m?.[1]) return null;
  return new RegExp(`${COUNT}${m[1]}`);
}

/** A count in figures or in Chinese numerals, with its `余`/`多` and magnitude (`13`, `二十余`, `3万`). */
const COUNT = `(?:\\d+(?:\\.\\d+)?|[${CN_DIGITS}]+)(?:余|多)?[万亿千百]*`;

/**
 * Measure words a report counts things with where a speaker says `个` (现代汉语词典: 个, 量词, 用于没有专用量词的
 * 名词; 也用于某些有专用量词的名词), and the `大` of an enumeration (`四大商业综合体`).
 */
const CLASSIFIERS =
  "条|项|件|座|台|套|所|只|家|名|位|处|场|次|批|种|款|篇|块|间|栋|户|支|辆|艘|架|部|起|宗|例|份|张|大";

/** The thing `多少个X`/`几个X` counts: X's first two characters (`问题` of `提了多少个问题`), or null. */
export function countedThing(normQuestion: string): string | null {
  return /(?:多少|几)个(\p{Script=Han}{2})/u.exec(normQuestion)?.[1] ?? null;
}

/**
 * For `提了多少个问题`: `个` is the speaker's measure word for anything, and a report counts the thing
 * with its own (`问题13条`, `13条问题`): a number with any measure word next to the thing counted (its
 * first two characters) states the count asked for.
 */
export function countedByAny(normQuestion: string): RegExp | null {
  const thing = countedThing(normQuestion);
  if (thing === null) return null;
  return new RegExp(
    `${thing}(?:共|共计|总计|累计|达|有|为)?${COUNT}(?:${CLASSIFIERS})|${COUNT}(?:${CLASSIFIERS})${thing}`,
    "u",
  );
}

/**
 * What the clause answering a growth question should say: the comparison the question names
 * (`同比`, `环比`) and its verb (`上涨` also as `涨`), so that `环比增长了多少` is not answered with the
 * sentence's `同比增长0.9%`.
 */
export function changeCues(normQuestion: string): RegExp[] {
  return CHANGE_CUES.filter(([asked]) => asked.test(normQuestion)).map(([, stated]) => stated);
}
