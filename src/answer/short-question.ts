/**
 * What the short answer needs to know of a question: what kind of fact it asks for (finer than
 * {@link QuestionShape}: an organisation, a work, a list …), the question's text on either side of
 * its question word (the sentence that answers usually repeats one side or both, the answer standing
 * between), and its content words. Pure given jieba.
 */
import { getJieba } from "../corpus/zones.js";
import { type QuestionShape, YEAR_UNIT } from "./question.js";
import {
  ASK_HEAD_MEASURE,
  ASKS_ALIAS,
  ASKS_MANNER,
  ASKS_REASON,
  ASKS_YES_NO,
  ORG_HEAD,
  PERSON_HEAD,
  PLACE_HEAD,
  QUESTION_WORD,
  SHORT_ASKING,
  WORK_HEAD,
} from "./question-words.js";

/** The kinds of fact a question may ask for; several may hold (`哪两个公司`: an organisation, a list). */
export interface AskedKinds {
  number: boolean;
  date: boolean;
  year: boolean;
  person: boolean;
  place: boolean;
  org: boolean;
  work: boolean;
  several: boolean;
  /** Another name (`又叫什么`, `简称`). */
  alias: boolean;
  reason: boolean;
  manner: boolean;
  yesNo: boolean;
  /** `什么`/`哪个` asking for a thing that is none of the above. */
  entity: boolean;
}

/** A question as the short answer reads it. */
export interface ShortQuestion {
  /** Normalised, closing punctuation and particles out. */
  norm: string;
  kinds: AskedKinds;
  /** The unit a number question expects (`个`, `%`, `元`), from {@link QuestionShape}. */
  unit: string | null;
  /** The question before its question word (`《战国无双3》是由` in `…是由哪两个公司合作开发的`). */
  left: string;
  /** The question after the question word and its measure word (`公司合作开发的`). */
  right: string;
  /** The noun the question word asks about (`公司`, `颜色`), or "" . */
  head: string;
  /** The measure word after `几`/`多少` (`号` in `几号球衣`, `家` in `多少家`), or null. */
  measure: string | null;
  /** Content words (question words and one-character function words out), longest first. */
  terms: string[];
  /** Content words before the question word, and after it (the head noun out). */
  leftTerms: string[];
  rightTerms: string[];
  /** The content word right before the question word, and right after it (after the head noun). */
  before: string | null;
  after: string | null;
}

/** Question words asking which thing, the noun next to them its kind (`哪一个组织`, `什么影响`). */
const ASKS_WHICH = /^(?:哪|什么|何种)$/;

/**
 * A word that can be the noun a question asks about: a noun by jieba's tag (not a person's name), a
 * word of the head lists whatever its tag (`哪一个组织`: jieba tags `组织` a verb), an abbreviation
 * (`哪一个联盟`), or a verb used as a noun (`什么影响`, `哪项运动`) when no word it could modify follows
 * (`什么应急响应` asks a response, not an emergency). `next` is the tag of the word after it, if any.
 */
function isHeadNoun(word: string, tag: string, next?: string): boolean {
  if (/^n/.test(tag)) return !/^nr/.test(tag);
  if ([ORG_HEAD, PLACE_HEAD, WORK_HEAD, PERSON_HEAD].some((re) => re.exec(word)?.[0] === word)) return true;
  return tag === "j" || (tag === "vn" && !/^(?:n|v|a|b|l|j)/.test(next ?? ""));
}

/**
 * A question closing on a copula with no question word (Taiwanese usage: `黑龙江的第一大支流是？`,
 * `发球线和球网的距离为？`, `该提督名为？`): it asks what follows, as `…是什么` does.
 */
const ASKED_AT_END = /(?:是|为|称|叫|叫做)$/;

/**
 * What links a question's noun to its question word (`的比赛为哪一个`, `支流是`), or says the thing
 * asked is one of it (`俱乐部中哪一个是最大的`).
 */
const HEAD_LINK = /(?:是|为|称为|称之为|名为|叫|叫做|中|之中|当中)$/;

/**
 * The noun a question asks about when none follows its question word: the one right before it and
 * its link (`距离` of `发球线和球网的距离为`, `比赛` of `被淘汰的比赛为哪一个`, `场地` of `场地中哪一个是…`), or "".
 */
function headBefore(left: string): string {
  const bare = left.replace(HEAD_LINK, "");
  if (bare === left) return "";
  const last = getJieba().tag(bare, true).at(-1);
  return last !== undefined && isHeadNoun(last.word, last.tag) ? last.word : "";
}

const NOT_CONTENT =
  /^[\p{P}\p{S}\s]*$|^[的了是在和与及等也都又就而并或被把对于为以从由将已着过得地所之其该此这那吗呢吧啊么]$/u;

/** Reads a normalised question (conversational wrappers already out) for the short answer. */
export function shortQuestion(normQuestion: string, shape: QuestionShape): ShortQuestion {
  const norm = normQuestion.replace(/[\s?？。！!.,，]+$/u, "").replace(/[呢吗啊呀吧]+$/u, "");
  // Of two question words, a later `多少`/`几` is what a number question asks for (`几年内建成多少个充电桩`).
  const asks = [...norm.matchAll(new RegExp(SHORT_ASKING.source, "g"))];
  const ask =
    (shape.type === "number" ? asks.findLast((m) => /^(?:多少|几)$/.test(m[0])) : undefined) ??
    asks[0] ??
    null;
  const at = ask?.index ?? norm.length;
  let end = at + (ask?.[0].length ?? 0);
  const measure = ASK_HEAD_MEASURE.exec(norm.slice(end));
  if (measure !== null) end += measure[0].length;
  const tokens = getJieba().tag(norm.slice(end), true);
  const first = tokens[0];
  const left = norm.slice(0, at);
  const right = norm.slice(end);
  const head =
    first !== undefined &&
    (/^n/.test(first.tag)
      ? !/^nr/.test(first.tag)
      : ASKS_WHICH.test(ask?.[0] ?? "") &&
        !/[年月天日]$/.test(measure?.[0] ?? "") &&
        isHeadNoun(first.word, first.tag, tokens[1]?.tag))
      ? first.word
      : "";
  // When no noun follows `哪一个`/`什么` (or no question word closes the question), the noun before it
  // says the kind of thing asked; it is not read as the head, which stands after the question word.
  const kindHead =
    head !== ""
      ? head
      : (ask === null && ASKED_AT_END.test(left)) ||
          (ASKS_WHICH.test(ask?.[0] ?? "") && (/^(?:是|为)?$/.test(right) || /中$/.test(left)))
        ? headBefore(left)
        : "";
  const words = (s: string) =>
    getJieba()
      .cut(s, true)
      .filter((w) => !NOT_CONTENT.test(w) && !QUESTION_WORD.test(w));
  const leftWords = words(left);
  const rightWords = words(right.slice(head.length));
  const terms = [...new Set([...leftWords, ...(head === "" ? [] : [head]), ...rightWords])].sort(
    (a, b) => b.length - a.length,
  );
  const several = /哪些|哪几|哪(?:两|三|四|五)/.test(norm);
  const reason = ASKS_REASON.test(norm);
  const manner = !reason && ASKS_MANNER.test(norm);
  const yesNo =
    ASKS_YES_NO.test(norm) || (ask === null && /[吗么]$/.test(normQuestion.replace(/[?？。]+$/u, "")));
  const kinds: AskedKinds = {
    number: shape.type === "number",
    date: shape.type === "date",
    year: shape.type === "date" && shape.unit === YEAR_UNIT,
    // (`哪一种演员` asks a kind of actor, not one.)
    person: shape.type === "person" || (PERSON_HEAD.test(kindHead) && !/[种类样]/.test(measure?.[0] ?? "")),
    // `哪边` (Taiwanese usage: "which side, where") asks a place as `哪里` does.
    place: shape.type === "place" || PLACE_HEAD.test(kindHead) || ask?.[0] === "哪边",
    org: ORG_HEAD.test(kindHead),
    work: WORK_HEAD.test(kindHead),
    several,
    alias: ASKS_ALIAS.test(norm),
    reason,
    manner,
    yesNo,
    entity: false,
  };
  // The measure word after the question word chosen is the unit asked for (`个` of `多少个`).
  const measureUnit =
    ask !== null && /^(?:多少|几)$/.test(ask[0]) ? (measure?.[0].replace(/^[一两三四五几]/, "") ?? "") : "";
  kinds.entity =
    !kinds.number && !kinds.date && !kinds.person && !kinds.place && !reason && !manner && !yesNo;
  return {
    norm,
    kinds,
    unit: shape.type === "number" && measureUnit !== "" && asks.length > 1 ? measureUnit : shape.unit,
    left,
    right,
    head,
    measure:
      shape.unit ??
      (/^(?:几|多少)$/.test(ask?.[0] ?? "")
        ? (/^\p{Script=Han}/u.exec(norm.slice(at + (ask?.[0].length ?? 0)))?.[0] ?? null)
        : null),
    terms,
    leftTerms: leftWords,
    rightTerms: rightWords,
    before: leftWords.at(-1) ?? null,
    after: rightWords[0] ?? null,
  };
}
