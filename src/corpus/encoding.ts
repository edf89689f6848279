/**
 * Which text encoding a corpus file is in. UTF-8 is the rule; two others are common for Chinese
 * text and are read too: GBK/GB18030 (Windows' Chinese code page, and what many Chinese sites and
 * tools still save) and UTF-16 with its byte-order mark (Windows' "Unicode"). Node's TextDecoder
 * decodes all three (full ICU); this module only decides which one a file is in.
 */

/** The encodings files are read in, by TextDecoder's names. */
export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

/** How an encoding is named to the person running `ingest`. */
export const ENCODING_LABEL: Record<TextEncodingName, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16 LE",
  "utf-16be": "UTF-16 BE",
  gb18030: "GBK/GB18030",
};

/** What to do with a file in any other encoding. */
export const CONVERT_HINT =
  "save it as UTF-8, e.g. iconv -f BIG5 -t UTF-8 FILE > FILE.utf8 (BIG5 for traditional Chinese; SHIFT_JIS, EUC-KR… for others)";

/** The encoding a byte-order mark at the start announces: UTF-16 either way round, else null (UTF-8's BOM is UTF-8). */
export function bomEncoding(head: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  return null;
}

/**
 * Share of a GBK file's two-byte characters that fall in GB2312 (lead byte 0xA1–0xF7, trail
 * 0xA1–0xFE) in Chinese news: the 6,763 common characters and the usual punctuation hold nearly all
 * of them. Big5 (traditional Chinese) puts half its trail bytes in 0x40–0x7E, and Shift-JIS its
 * lead bytes in 0x81–0x9F, outside that range, so neither comes near; a Latin-1 file's accented
 * letters are followed by ASCII and are not pairs at all.
 */
const MIN_GB2312_SHARE = 0.8;

/**
 * Whether bytes that are not UTF-8 read as simplified Chinese in GBK/GB18030: at least one two-byte
 * character, and most of them common ones (see {@link MIN_GB2312_SHARE}). A sample (the first
 * 64 KiB) is enough; a file cut mid-character at the end of the sample is judged on what came before.
 */
export function looksLikeGb(bytes: Uint8Array): boolean {
  let pairs = 0;
  let common = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) continue;
    const next = bytes[i + 1];
    if (next === undefined) break;
    // GB18030's four-byte sequences: lead, digit, lead, digit (rare characters, not counted).
    if (next >= 0x30 && next <= 0x39) {
      i += 3;
      continue;
    }
    pairs++;
    if (b >= 0xa1 && b <= 0xf7 && next >= 0xa1 && next <= 0xfe) common++;
    i++;
  }
  return pairs > 0 && common / pairs >= MIN_GB2312_SHARE;
}
