/** Reporters' bylines on a raw newspaper page: names alone on a line, after a sentence, or in a `本报讯` header. */
import { getJieba } from "../zones.js";
import { type Line, toLine } from "./lines.js";

const SURNAMES = new Set([
  ..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝戈",
]);
const COMPOUND_SURNAMES = [
  "欧阳",
  "司马",
  "诸葛",
  "上官",
  "东方",
  "皇甫",
  "尉迟",
  "公孙",
  "慕容",
  "令狐",
  "司徒",
  "夏侯",
];
const REPORTER_LABEL = /^(?:本报)?(?:记者|通讯员|实习生|特约记者)/u;

/** A Chinese personal name as bylines print it: a surname and one or two given-name characters. */
function isName(tok: string): boolean {
  if (!/^\p{Script=Han}{2,4}$/u.test(tok)) return false;
  if (COMPOUND_SURNAMES.some((s) => tok.startsWith(s))) return tok.length >= 3;
  return SURNAMES.has(tok[0] ?? "") && tok.length <= 3;
}

/** Names on a byline-only line (`黄鹏飞 曾凯然 戈清平`, `记者 张三`), or null. */
export function bylineOnly(raw: string, nextStartsArticle: boolean): string | null {
  const toks = raw
    .trim()
    .split(/\s+/u)
    .map((t) => t.replace(REPORTER_LABEL, ""))
    .filter((t) => t !== "");
  if (toks.length === 0 || toks.length > 6 || !toks.every(isName)) return null;
  // One short name alone could be a two- or three-character subhead (`高质量`): believe it only
  // where an article has to end anyway, or when the segmenter reads it as a person's name.
  if (toks.length === 1 && !nextStartsArticle) {
    const tags = getJieba().tag(toks[0] ?? "", true);
    if (tags.length !== 1 || !/^nr/.test(tags[0]?.tag ?? "")) return null;
  }
  return toks.join(" ");
}

const TRAILING_BYLINE = /^(.*(?:[。！？!?]|…)[”’」』）)]*)\s+((?:\p{Script=Han}{2,4}\s*){1,6})$/u;

/** A byline printed after the last sentence on the same line (`占比99%。 宋显晖`). */
export function trailingByline(raw: string): { rest: string; byline: string } | null {
  const m = TRAILING_BYLINE.exec(raw.trim());
  if (!m) return null;
  const names = (m[2] ?? "").trim().split(/\s+/u);
  if (!names.every(isName)) return null;
  return { rest: m[1] ?? "", byline: names.join(" ") };
}

const HEADER = /^\s*本报讯\s*(?:[（(]([^）)]{1,40})[）)])?\s*/u;

/** Removes a `本报讯 （记者 叶伟）` header from the start of a body; returns the names it gives. */
export function stripHeader(lines: Line[]): { lines: Line[]; byline: string | null } {
  const joined = lines
    .slice(0, 3)
    .map((l) => l.raw)
    .join("\n");
  const m = HEADER.exec(joined);
  if (!m) return { lines, byline: null };
  let names: string[] = [];
  if (m[1] !== undefined) {
    names = m[1]
      .replace(/(?:本报)?(?:特约)?(?:记者|通讯员|实习生)/gu, " ")
      .split(/[\s、，,]+/u)
      .filter(isName);
  }
  // Cut the header's characters off the lines it spans; the newlines count one each.
  let cut = m[0].length;
  const out = [...lines];
  while (cut > 0 && out.length > 0) {
    const first = out[0] as Line;
    if (cut >= first.raw.length) {
      cut -= first.raw.length + 1;
      out.shift();
    } else {
      out[0] = toLine(first.raw.slice(cut), first.no);
      cut = 0;
    }
  }
  return { lines: out, byline: names.length > 0 ? names.join(" ") : null };
}
