/**
 * Text helpers for Discord messages. Lengths are measured in UTF-16 code units (JavaScript's
 * `.length`), which is never less than Discord's own count, so a string within a limit here is within
 * it on Discord too. Cuts are made between code points, never inside a surrogate pair.
 */

const ELLIPSIS = "…";
const LONE_SURROGATE = /\p{Cs}/gu;

/** Replaces lone surrogates (invalid UTF-16, which Discord rejects) with U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, "\uFFFD");
}
const SENTENCE_END = /[。！？；!?;]/u;

// Characters Discord markdown gives meaning to anywhere in a line (`<` starts mention and emoji syntax).
const INLINE_MARKDOWN = /[\\*_~`|[\]<]/g;

/**
 * Escapes Discord markdown so text shows as typed: emphasis, code, spoilers, masked links, custom
 * emoji and mention syntax, plus headings, quotes and lists at the start of a line.
 */
export function escapeMarkdown(text: string): string {
  return wellFormed(text)
    .replace(INLINE_MARKDOWN, "\\$&")
    .replace(/^(\s*)([#>-])/gm, "$1\\$2")
    .replace(/^(\s*\d+)\./gm, "$1\\.");
}

/**
 * Escapes Discord markdown that acts anywhere in a line (emphasis, code, spoilers, links, mentions),
 * for text set inside a line that starts with something else (a bold span): a heading, quote or list
 * needs the line's start.
 */
export function escapeInline(text: string): string {
  return wellFormed(text).replace(INLINE_MARKDOWN, "\\$&");
}

/**
 * Escapes markdown but keeps citation markers such as `[1]` as they are, so answers read `…40.7%[1]`.
 */
export function escapeKeepingMarkers(text: string): string {
  return text
    .split(/(\[\d{1,2}\])/)
    .map((part, i) => (i % 2 === 1 ? part : escapeMarkdown(part)))
    .join("");
}

/**
 * Shortens `text` to at most `max` UTF-16 units, ending with `…` when anything was cut. Prefers to end
 * at a sentence end when that keeps at least half the room; otherwise cuts between code points.
 */
export function truncate(raw: string, max: number): string {
  const text = wellFormed(raw);
  if (text.length <= max) return text;
  if (max <= 0) return "";
  if (max < ELLIPSIS.length + 1) return ELLIPSIS.slice(0, max);
  const budget = max - ELLIPSIS.length;
  let kept = "";
  for (const cp of text) {
    if (kept.length + cp.length > budget) break;
    kept += cp;
  }
  let lastEnd = -1;
  for (let i = kept.length - 1; i >= 0; i--) {
    if (SENTENCE_END.test(kept.charAt(i))) {
      lastEnd = i;
      break;
    }
  }
  if (lastEnd >= 0 && lastEnd + 1 >= budget / 2) kept = kept.slice(0, lastEnd + 1);
  return kept.trimEnd() + ELLIPSIS;
}

/** Escapes then truncates so the escaped text fits in `max`, never cutting an escape in half. */
export function escapeAndTruncate(
  text: string,
  max: number,
  escaper: (s: string) => string = escapeMarkdown,
): string {
  let room = max;
  for (;;) {
    const out = escaper(truncate(text, room));
    if (out.length <= max) return out;
    // Escapes only add characters, so shrinking the raw room by the overshoot converges quickly.
    room -= Math.max(1, out.length - max);
    if (room <= 0) return "";
  }
}
