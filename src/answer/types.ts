import type { ZoneCount } from "../index/types.js";

export type { ZoneCount };

/** One numbered source behind an answer; always built from passage metadata, never from model text. */
export interface Citation {
  n: number;
  passageId: string;
  articleId: string;
  /** The article's title as the corpus gives it. */
  title: string;
  /**
   * The headline the article is shown under everywhere (a byline or a lead's first characters the feed gave
   * as its title replaced, see `articleHeadline`); set by the answer service.
   */
  headline?: string;
  zones: string[];
  /** A verbatim substring (after whitespace clean-up) of the cited passage. */
  quote: string;
  source: string;
  /** The article's date as the corpus gives it (`2020-06`, `2020-06-05`), so `今年`/`近日` can be read. */
  date?: string;
  /** The original's web address, for an article fetched from a page (or given a `url` in the corpus). */
  url?: string;
}

/** The asked-for fact in a few characters (`40.7%`), shown in bold above the answer sentence. */
export interface ShortAnswer {
  /** The fact, verbatim from the first citation's quote (`40.7%`, `刘怀信`, `2019年4月`). */
  text: string;
  /** When it holds, as the quote says it (`1-4月`), when the question does not say it; else null. */
  qualifier: string | null;
}

/**
 * The kind of answer when it is not a single fact: a digest of a zone's or topic's articles
 * (`overview`), the measures an article reports (`how`), or several facts joined (`several`); its
 * answer text then has one line (or one clause) per item, each cited.
 */
export type AnswerKind = "overview" | "how" | "several";

/** The answer object of the CLI contract (`ask --json`). */
export interface Answer {
  question: string;
  answer: string;
  /**
   * The fact asked for, when it can be given with confidence; null (or absent) when not, and always
   * when declined. `ask --json` prints it as `null` then.
   */
  short?: ShortAnswer | null;
  abstained: boolean;
  mode: "extractive" | "llm";
  /** Set when the question was recognised as one of these kinds (absent for a single fact). */
  kind?: AnswerKind;
  citations: Citation[];
}

/** An article's headline and date, for a zone's newest articles. */
export interface ZoneHeadline {
  title: string;
  /** The headline shown for the article (`articleHeadline`). */
  headline: string;
  date?: string;
}

/**
 * A zone and the articles about it: `titles` (all of them, newest first as `newest`, ties in corpus order)
 * is what `zones --json` prints; `newest` the few a reader is shown.
 */
export interface ZoneSummary extends ZoneCount {
  titles: string[];
  newest: ZoneHeadline[];
}

/**
 * One row of a zone's figures table: what is measured, its value with the unit, when, and the
 * sentence stating it (the citation's quote).
 */
export interface ZoneFigure extends Citation {
  /** What the number measures, as the sentence names it (`工业投资增速`, `复工率`). */
  measure: string;
  /** The number with its unit, verbatim (`40.7%`, `64.3亿元`). */
  value: string;
  /** When it holds, as the sentence says (`1-4月`, `截至5月31日`, `目前`), or null. */
  period: string | null;
}

/** One zone in detail: its articles and its key figures, most central first, each cited. */
export interface ZoneDetail {
  zone: string;
  /** Each story once (its newest copy), with how many other copies of it (reprints) the corpus holds. */
  articles: {
    id: string;
    title: string;
    /** The headline shown for the article (`articleHeadline`). */
    headline: string;
    byline: string | null;
    date?: string;
    copies?: number;
  }[];
  figures: ZoneFigure[];
}

/** A passage shown in full, for `/source` and citation buttons. */
export interface PassageView {
  id: string;
  articleId: string;
  title: string;
  /** The headline shown for the article (`articleHeadline`), when its passages could be read. */
  headline?: string;
  section: string | null;
  zones: string[];
  byline: string | null;
  /** The article's date, when the corpus gives one. */
  date?: string;
  /** The original's web address, when the article has one. */
  url?: string;
  text: string;
  source: string;
}

/** What the bot knows, for `/help`. */
export interface IndexStats {
  articles: number;
  passages: number;
  zones: number;
  builtAt: string;
  mode: "extractive" | "llm";
}

/** Progress stages reported while an answer is computed (shown in Discord as 正在检索…/正在生成回答…). */
export type AnswerStage = "retrieving" | "generating";

/** An earlier question and the answer given, for follow-ups (oldest first). */
export interface ConversationTurn {
  question: string;
  answer: string;
}

/** Everything the Discord layer and the CLI need from the answer layer; built once at the entry point. */
export interface AnswerService {
  /**
   * `history`: earlier turns of the conversation, oldest first. In model mode a follow-up is rewritten
   * into a standalone question with them (and `Answer.question` is that question); otherwise ignored.
   */
  ask(
    question: string,
    opts?: { onProgress?: (stage: AnswerStage) => void; history?: readonly ConversationTurn[] },
  ): Promise<Answer>;
  /** Every zone with its article count, most covered first (held in memory: `/zones`, topics). */
  zones(): ZoneCount[];
  /**
   * Every zone (or only those named in `only`) with its articles' titles and its newest few, as
   * {@link zones} orders them; a store may fetch the titles.
   */
  zoneList(only?: readonly string[]): Promise<ZoneSummary[]>;
  /** A zone by any spelling (`重庆市高新区`, `重庆高新区`, `重庆`), or null; its passages may be fetched. */
  zone(name: string): Promise<ZoneDetail | null>;
  /** Zone names for autocomplete, best matches first, at most `limit`. */
  zoneNames(prefix: string, limit?: number): string[];
  /** A passage in full, or null; a store may have to fetch it (PostgreSQL). */
  passage(id: string): Promise<PassageView | null>;
  stats(): IndexStats;
  /**
   * Runs the retrieval and extractive answer path on a few throwaway questions (never the chat model),
   * so the first real questions do not pay for lazy set-up (OpenCC's dictionaries, jieba) and cold
   * code. Optional: a service without it needs no warming.
   */
  warmUp?(): Promise<void>;
}
