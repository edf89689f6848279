/**
 * Repair of text damaged by page extraction (OCR / PDF): odd code points, stray spaces, broken lines.
 * Chinese full-width punctuation is kept as printed: quotes and answers are cited verbatim, and
 * `，` → `,` would change every passage.
 */

// Han ideographs, kana, CJK symbols and punctuation, full-width forms and the curly quotes/dashes
// Chinese text uses. A space touching any of these is a layout artefact, never a word separator.
const CJK =
  "\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u3000-\\u303F\\uFF01-\\uFF0F\\uFF1A-\\uFF20\\uFF3B-\\uFF40\\uFF5B-\\uFF65\\u2014\\u2015\\u2018-\\u201F\\u2026\\u00B7";
const SPACE_NEXT_TO_CJK = new RegExp(` (?=[${CJK}])|(?<=[${CJK}]) `, "gu");
const HAN_COMMA_HAN = /(?<=\p{Script=Han}),(?=\p{Script=Han})/gu;

// Zero-width characters, BOM and soft hyphen: invisible, but they split words and break matching.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
// C0/C1 control characters; runs after ODD_SPACE, which has already turned tabs and newlines into spaces.
const CONTROL = /\p{Cc}/gu;
// No-break, ideographic and typographic spaces, which extraction leaves between justified characters.
const ODD_SPACE = /[\t\n\r\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
// Only these get NFKC: full-width digits/Latin letters/％, Kangxi radicals and CJK compatibility
// ideographs (PDF extraction often yields ⽂ U+2F42 for 文). Full NFKC would also rewrite `，：；！？（）`.
const NFKC_SAFE = /[\uFF05\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\u2F00-\u2FDF\uF900-\uFAFF]/g;

/**
 * Normalises one passage of text: strips invisible/control characters, maps full-width
 * digits and Latin letters to ASCII (punctuation stays full-width), and removes spaces that sit
 * next to a Chinese character or punctuation mark (`5 万辆` → `5万辆`, `积 极 组 织` → `积极组织`,
 * `山推 5G 智能` → `山推5G智能`). Spaces between Latin words or numbers (`Hello World`) are kept.
 * Newlines count as spaces; split paragraphs before calling this.
 */
export function cleanText(s: string): string {
  let t = s
    .replace(INVISIBLE, "")
    .replace(ODD_SPACE, " ")
    .replace(CONTROL, "")
    .replace(NFKC_SAFE, (c) => c.normalize("NFKC"));
  t = t.replace(/ {2,}/g, " ").trim();
  t = t.replace(SPACE_NEXT_TO_CJK, "");
  // A decimal point or percent sign is never preceded by a meaningful space: `40 .7 %` → `40.7%`.
  t = t.replace(/(?<=\d) ?[.．] ?(?=\d)/g, ".").replace(/(?<=\d) (?=%)/g, "");
  // An ASCII comma between two Han characters is an input slip in Chinese prose (`体系,用好`).
  t = t.replace(HAN_COMMA_HAN, "，");
  return t;
}

const LATIN_OR_DIGIT = /[A-Za-z0-9]/;
const LATIN = /[A-Za-z]/;

/**
 * Joins lines broken by a column layout back into running text. No space is inserted between
 * Chinese characters (a line break in Chinese is never a word break); one space is kept where a
 * Latin word meets a Latin word or number (`Hello` + `World`). Digit meeting digit is joined
 * without a space, since a narrow column breaks numbers (`41` + `09万美元`) more often than it
 * separates two of them.
 */
export function joinLines(lines: readonly string[]): string {
  let out = "";
  for (const raw of lines) {
    const line = raw.trim();
    if (line === "") continue;
    const last = out.at(-1);
    const first = line[0];
    const spaced =
      last !== undefined &&
      first !== undefined &&
      LATIN_OR_DIGIT.test(last) &&
      LATIN_OR_DIGIT.test(first) &&
      (LATIN.test(last) || LATIN.test(first));
    out += (spaced ? " " : "") + line;
  }
  return out;
}

// Sentence-final marks, optionally followed by closing quotes/brackets (`资足”。`, `……”`).
const SENTENCE_FINAL = /(?:[。！？!?]|……|…)[”’」』）)]*$/;

/** True when `s` (trimmed) ends a sentence: `。！？!?` or an ellipsis, maybe inside closing quotes. */
export function endsSentence(s: string): boolean {
  return SENTENCE_FINAL.test(s.trim());
}

/**
 * Display width of a line in em: Chinese characters and full-width forms count 1, ASCII 0.5,
 * spaces 0 (stray spaces in extracted text are justification, not content).
 */
export function lineWidth(s: string): number {
  let w = 0;
  for (const c of s) {
    if (/\s/.test(c)) continue;
    w += (c.codePointAt(0) ?? 0) < 0x2e80 && !/[“”‘’—…]/.test(c) ? 0.5 : 1;
  }
  return w;
}
