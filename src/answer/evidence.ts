import { DURATION_UNIT } from "./question.js";
import { GOODS_AND_CASES, PERSON_ROLE, SPEECH_VERBS } from "./question-words.js";

/**
 * Recognisers for the kinds of fact a question asks for. Pure, regex-based, over simplified text.
 */

/** Roman numerals as one character each (`Ⅳ`), as a level is printed (`防汛Ⅳ级应急响应`). */
const ROMAN = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ";

/** The characters of a number written in Chinese. */
export const CN_DIGITS = "零〇一二两三四五六七八九十百千万亿";

/** A count of people in 名, 位 or 人, up to the words that name them (`30多名`, `六名…`): follow it with who. */
export const PEOPLE_COUNT = `(?:\\d+|[${CN_DIGITS}]+)(?:多|余)?[名位人]\\p{Script=Han}{0,4}?`;
const UNITS = `%|％|‰|个百分点|万亿元|亿元|万元|千元|元|美元|亿美元|万美元|欧元|日元|港元|英镑|人次|人|名|位|个|家|座|辆|台|套|项|笔|份|次|批|所|条|只|头|张|部|架|艘|吨|万吨|亩|公顷|平方公里|平方米|平方千米|公里|千米|米|厘米|毫米|千克|公斤|克|年|个月|月|天|日|小时|分钟|秒|倍|成|届|期|种|篇|首|款|栋|层|户|间|岁|度|级|兆瓦|千瓦|瓦|GB|MB|TB|G|${GOODS_AND_CASES}`;

/** Units of length, however a text writes them (`40km`, `6.2米`, `3公里`). */
export const LENGTH_UNIT = /米|公里|km|m$/iu;

/**
 * A number's figures: digits, Chinese numerals, or a level in Roman numerals (`Ⅳ级`; `iv级` once
 * normalised, which lowercases: emergency responses and alerts are graded so).
 */
const FIGURES = `\\d+(?:[.,]\\d+)*|[${CN_DIGITS}]+|[${ROMAN}]+(?=级)|(?<![A-Za-z])[IVXivx]{1,4}(?=级)`;

const WRITTEN_FIGURE = new RegExp(`\\d|[${ROMAN}]|^[IVXivx]+级`, "u");

/** Whether a number's text is written in figures — digits, or a level's Roman numeral — not in words. */
export function inFigures(text: string): boolean {
  return WRITTEN_FIGURE.test(text);
}

/** A number with an optional magnitude and unit: `40.7%`, `166亿元`, `3400人`, `4万个`, `近万亿元`, `三个`, `Ⅳ级`. */
export const NUMBER_RE = new RegExp(`(?:${FIGURES})(?:余|多)?(?:[万亿千百]+)?(?:${UNITS})?`, "g");
/** A number's figures at its start, with `余`/`多` after them: what is left is its magnitude and unit. */
const FIGURES_FIRST = new RegExp(`^(?:${FIGURES})(?:余|多)?`);

/** Numbers in a text, each with its unit (possibly empty); bare single Chinese numerals are skipped. */
export function findNumbers(text: string): { text: string; unit: string; index: number }[] {
  const out: { text: string; unit: string; index: number }[] = [];
  for (const m of text.matchAll(NUMBER_RE)) {
    const t = m[0];
    if (t === "") continue;
    const digits = /^\d/.test(t);
    const unit = t.replace(FIGURES_FIRST, "");
    // A lone Chinese numeral with no unit (一, 十) is far more often a word than a quantity.
    if (!digits && unit === "") continue;
    // `一个`, `一项`: the article, not a count (`一百五十个` is one).
    if (!digits && t.length - unit.length === 1 && t.startsWith("一") && unit.length <= 1) continue;
    out.push({ text: t, unit, index: m.index ?? 0 });
  }
  return out;
}

/**
 * A length of time (`两周`, `3个月`, `半年`, `22.5小时`, `一年左右`; days after a word of spending time,
 * `用时9日`, `5个工作日`): what `多久`/`多长时间` asks for. A four-digit year (`2024年`), a month (`5月`), a day
 * of the month (`9日`) and an anniversary (`50周年`) are not one.
 */
const DURATION_RE =
  /(?:(?<![\d.])\d{1,3}(?:\.\d+)?(?!\d)|[零〇一二两三四五六七八九十百千几数]+)(?:多|余)?个?半?(?:个?月|个?星期|周(?!年)|天|个?小时|分钟|秒|年(?!代|级))(?:半|多|左右)?|半个?(?:月|年|小时)|(?<=(?:用时|历时|耗时|用了|花了|历经|为期)(?:仅|只|约|近)?)\d{1,3}日|\d{1,3}个工作日/gu;

/** The lengths of time a (normalised) text states, verbatim. */
export function findDurations(text: string): string[] {
  return [...text.matchAll(DURATION_RE)].map((m) => m[0]).filter((d) => !/^\d{1,2}月$/.test(d));
}

/** True when the number carries the unit a question expects (`个` in `多少个`, `%` for a rate, `元` for money). */
export function unitMatches(unit: string, expected: string | null): boolean {
  if (expected === null) return unit !== "";
  if (expected === "%") return /%|％|百分点/.test(unit);
  if (expected === DURATION_UNIT) return /^(?:个?月|周|星期|天|个?小时|分钟|秒|年)$/.test(unit);
  if (expected === "元") return /元/.test(unit);
  // A length asked (`多远`, `多细`) is stated in any unit of length: `1公里`, `0.03毫米`, `240米`.
  if (expected === "米") return LENGTH_UNIT.test(unit);
  if (expected === "万" || expected === "亿") return unit.includes(expected);
  return unit.endsWith(expected) || unit.includes(expected);
}

const DATE_RE =
  /(?:公元前?)?\d{1,4}\s*年(?:代)?(?:\d{1,2}月(?:\d{1,2}日)?)?|[一二三四五六七八九十〇零]{2,4}年|\d{1,2}月(?:\d{1,2}日|份|底|初|中旬|上旬|下旬)?|\d{1,2}日|(?:今|去|明|前|后)年(?:底|初)?|(?:上|下|本)(?:半年|月|周)|[春夏秋冬]季|(?:\d+|[一二三四五六七八九十]+)(?:世纪|年代)/g;

const YEAR_RE = /(?:\d{1,4}|[元一二三四五六七八九十〇零百]+)\s*年(?!级)|年代|世纪|(?:今|去|明|前)年/;

/** Whether a text names a year (`1972年`, `光绪三十三年`, `1960年代`, `19世纪`, `去年`), not only a month or day. */
export function hasYear(text: string): boolean {
  return YEAR_RE.test(text);
}

/** Date or time expressions in a text: `2019年4月`, `6月份`, `1920年代`, `今年年底`. */
export function findDates(text: string): { text: string; index: number }[] {
  return [...text.matchAll(DATE_RE)].map((m) => ({ text: m[0], index: m.index ?? 0 }));
}

const SPOKEN = new RegExp(`[\\u4e00-\\u9fff]{2,4}(?:${SPEECH_VERBS})`);

/** Whether a text plausibly names a person: a role word, a name-like `（左一）`, or a speech verb after a name. */
export function hasPersonCue(text: string): boolean {
  return PERSON_ROLE.test(text) || SPOKEN.test(text);
}
