/**
 * The kind of fact a question asks for, found in text: whether a sentence holds it (a number with the
 * right unit, a rank, a date, a person, a zone) and which facts of that kind a clause states.
 */
import {
  findDates,
  findDurations,
  findNumbers,
  hasPersonCue,
  hasYear,
  inFigures,
  unitMatches,
} from "./evidence.js";
import type { SentenceText } from "./passage.js";
import {
  DURATION_UNIT,
  NAME_UNIT,
  ORDINAL_UNIT,
  type QuestionShape,
  SEQUENCE_MEASURES,
  YEAR_UNIT,
  ZONE_UNIT,
} from "./question.js";
import { CHANGE_WORDS } from "./question-words.js";

/** Whether a prepared sentence has a date; found once and kept with it for the next question. */
export function isDated(s: SentenceText): boolean {
  s.dated ??= findDates(s.norm).length > 0;
  return s.dated;
}

/** A rank: `第二`, `第5`, `第十一`. */
const ORDINAL = /第(?:\d+|[一二三四五六七八九十百千两]+)/;

/**
 * The ordinals of a text that answer a `第几` question: for a rank (`排第几`, `第几名`), those not counting a
 * sequence (`第一名`, `居全国第一`; not `第二轮督导检查`); asked with a measure word (`第几届`), any ordinal, as
 * before (requiring `第…届` answered a CMRC question whose article is not indexed from another ordinal's sentence).
 */
function ordinalsIn(text: string, shape: QuestionShape): string[] {
  const rank = (shape.ordinal ?? "") === "";
  const counting = (after: string | undefined) => after !== undefined && SEQUENCE_MEASURES.includes(after);
  return [...text.matchAll(ORDINALS)]
    .filter((m) => !rank || !counting(text[(m.index ?? 0) + m[0].length]))
    .map((m) => m[0]);
}
const ORDINALS = new RegExp(ORDINAL, "g");

/** Whether a prepared sentence holds the kind of fact asked for; what it finds is kept for the next question. */
export function typedSentence(s: SentenceText, shape: QuestionShape): boolean {
  switch (shape.type) {
    case "number":
      if (shape.unit === ORDINAL_UNIT) return ordinalsIn(s.norm, shape).length > 0;
      if (shape.unit === DURATION_UNIT) return findDurations(s.norm).length > 0;
      if (shape.unit === "天" && daysSpent(s.norm).length > 0) return true;
      if (shape.change === true && !CHANGE_WORDS.test(s.norm)) return false;
      s.numbers ??= findNumbers(s.norm).map((n) => ({ text: n.text, unit: n.unit }));
      return s.numbers.some(
        (n) => unitMatches(n.unit, shape.unit) || (shape.unit === null && inFigures(n.text)),
      );
    case "date":
      return isDated(s) && (shape.unit !== YEAR_UNIT || hasYear(s.norm));
    case "person":
      s.person ??= hasPersonCue(s.norm);
      return s.person;
    case "entity":
      if (shape.unit === NAME_UNIT) return quotedNames(s.norm, shape.named).length > 0;
      return shape.unit !== ZONE_UNIT || zoneNames(s.norm).length > 0;
    default:
      return true;
  }
}

/**
 * Names a (normalised) text quotes (`“浦发银贷”`, `《剑指顽疾》`, `「…」`); with `named`, only those standing by
 * that word, a few characters before or after (`名为“浦发银贷”的app`, `“歌手猜猜猜”“听歌识曲”等音乐互动游戏`,
 * `歌曲《反诈之歌》`).
 */
export function quotedNames(text: string, named?: string): string[] {
  const out: string[] = [];
  const kind = named === undefined || named === "" ? null : new RegExp(named, "u");
  for (const m of text.matchAll(/“[^“”]{1,30}”|《[^《》]{1,40}》|「[^「」]{1,30}」|"[^"]{1,30}"/gu)) {
    const at = m.index ?? 0;
    const near = `${text.slice(Math.max(0, at - NAMED_BEFORE), at)} ${text.slice(at + m[0].length, at + m[0].length + NAMED_AFTER)}`;
    if (kind === null || kind.test(near)) out.push(m[0]);
  }
  return out;
}
/** How far (characters) before and after a quoted name the word naming its kind may stand. */
const NAMED_BEFORE = 6;
const NAMED_AFTER = 16;

/** Zone names a (normalised) text spells out: `珠海高新区`, `武汉东湖新技术开发区`. */
export function zoneNames(text: string): string[] {
  return [...new Set(text.match(/\p{Script=Han}{2,8}?(?:高新区|高新技术产业开发区|开发区)/gu) ?? [])];
}

/**
 * The facts of the asked-for kind a normalised text states — numbers with the expected unit (or counted
 * with the question's measure word), ranks, dates (with a year when one is asked for) — or null when
 * the question asks for no kind of fact that text shows (an entity, a place, a person, a reason).
 */
export function factsIn(text: string, shape: QuestionShape, counted: RegExp | null): string[] | null {
  switch (shape.type) {
    case "number": {
      if (shape.unit === ORDINAL_UNIT) return ordinalsIn(text, shape);
      if (shape.unit === DURATION_UNIT) return findDurations(text);
      // A growth question: only a clause stating a change states the fact asked for.
      if (shape.change === true && !CHANGE_WORDS.test(text)) return [];
      const out = findNumbers(text)
        .filter((n) => unitMatches(n.unit, shape.unit) || (shape.unit === null && inFigures(n.text)))
        .map((n) => n.text);
      const c = counted === null ? null : new RegExp(counted, "g");
      if (c !== null) for (const m of text.matchAll(c)) out.push(m[0]);
      if (shape.unit === "天") out.push(...daysSpent(text));
      return out;
    }
    case "date":
      return findDates(text)
        .map((d) => d.text)
        .filter((d) => shape.unit !== YEAR_UNIT || hasYear(d));
    case "entity":
      // `哪个高新区…`: the clause naming a zone answers; `叫什么名字`, the clause quoting a name.
      if (shape.unit === NAME_UNIT) return quotedNames(text, shape.named);
      return shape.unit === ZONE_UNIT ? zoneNames(text) : null;
    default:
      return null;
  }
}

/**
 * The kind of place or body a which-question asks for, when its names end with the kind's word
 * (`哪个社区` → `社区`: `锦江社区`; `哪家医院` → `医院`), or null. Not a kind a report names otherwise
 * (`哪个国家`: `法国`; `哪个展会`: `…博览会`; `哪个公司`: `东日本旅客铁道`).
 */
export function askedPlaceKind(normQuestion: string): string | null {
  const m = PLACE_KIND_ASKED.exec(normQuestion);
  return m?.[1] ?? m?.[2] ?? null;
}
// Words no longer word begins with (`派出所`) need no look at what follows, unlike `村` (`村民`).
const PLACE_KIND_ASKED =
  /(?:哪个|哪家|哪所|哪座|哪片|哪条|哪一个|哪一家|什么)(?:(社区|村|镇|乡|街道|县|市|省|医院|学校|大学|学院|银行|机场|小区|园区|基地|酒店|景区|公园|法院|路)(?=[了呢啊吗的呀是有在]|[^\p{Script=Han}]|$)|(派出所|公安局|公安分局|检察院|卫生院|养老院|敬老院|幼儿园|路口))/u;

/**
 * A name of that kind in a text: the kind's word after a name's characters, not after `该`, `本`, `各` …
 * nor a verb of going (`锦江社区`, not `该社区` or `来到派出所`).
 */
export function namingPlaceOf(kind: string): RegExp {
  return new RegExp(
    `[\\p{Script=Han}A-Za-z0-9]{2}(?<![该本此这那各每全某多个两几一其到往赴])(?:${NAMED_AS[kind] ?? kind})`,
    "u",
  );
}

/** Kinds whose places are named by other words (`哪个学校的`: `西安财经大学`, `实验中学`; not `大学生`). */
const NAMED_AS: Readonly<Record<string, string>> = {
  学校: "学校|大学(?!生)|学院|中学(?!生)|小学(?!生)|幼儿园",
  大学: "大学(?!生)|学院",
  // `在哪个路口`: `腾飞大街与范阳路交叉口`, `…十字路口`.
  路口: "路口|交叉口|交汇处|路段",
};

/** Days a text says were spent in `日` (`仅用时9日`): `几天` asked, they count as `天` do, unlike a date's `9日`. */
const daysSpent = (text: string): string[] => findDurations(text).filter((d) => d.endsWith("日"));
