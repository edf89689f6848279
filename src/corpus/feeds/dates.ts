/**
 * Publication dates as pages and feeds write them → `YYYY-MM-DD`, the form the corpus gives every
 * article. An instant (ISO 8601 with a zone, RFC 822) is read in China's time zone, where the news
 * is published: `Tue, 11 Jun 2024 18:00:00 GMT` is the morning of 2024-06-12 there.
 */

/** The zone the sites' own dates are written in. */
const NEWS_TIME_ZONE = "Asia/Shanghai";

const DAY = new Intl.DateTimeFormat("en-CA", {
  timeZone: NEWS_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

const pad = (n: string) => n.padStart(2, "0");

/** A calendar date written out (`2024-06-12 10:00`, `2024/6/12`, `2024年6月12日`), without a zone. */
const LOCAL =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?)?$/u;
/** An ISO 8601 instant with its zone (`…T02:00:00Z`, `…T10:00:00+08:00`). */
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;
/** RFC 822 / 1123, as RSS writes it (`Wed, 12 Jun 2024 02:00:00 GMT`). */
const RFC822 = /^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}/;

/** `YYYY-MM-DD` for a date a page or feed gives, or undefined when it is not a date. */
export function normalizeDate(raw: string | undefined): string | undefined {
  const s = raw?.trim();
  if (!s) return undefined;
  const local = LOCAL.exec(s);
  if (local) {
    const [, y, m, d] = local;
    return valid(`${y}-${pad(m ?? "")}-${pad(d ?? "")}`);
  }
  if (ZONED.test(s) || RFC822.test(s)) {
    const t = Date.parse(s);
    return Number.isNaN(t) ? undefined : DAY.format(new Date(t));
  }
  return undefined;
}

/** The date when it exists on the calendar (no 2024-02-30). */
function valid(ymd: string): string | undefined {
  const t = Date.parse(`${ymd}T00:00:00Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== ymd) return undefined;
  return ymd;
}

/** A date printed in a page's text after a label (`发布时间：2024-06-12 10:00`, `日期：2024年6月12日`). */
const VISIBLE =
  /(?:发布|发表|更新)?(?:时间|日期)\s*[:：]\s*(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)/u;

/** The date a page prints after `发布时间：` or a similar label, normalised, or undefined. */
export function visibleDate(text: string): string | undefined {
  const m = VISIBLE.exec(text);
  return m ? normalizeDate(m[1]) : undefined;
}
